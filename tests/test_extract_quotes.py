"""Quotations of several sentences take the voice of whoever the text names where they
open or close."""

import pytest


@pytest.mark.parametrize("text, key", [
    ("«Мы обратились к ОДКБ за помощью. Союзники ответили быстро», — заявил министр иностранных дел Армении.",
     ("appeal", "ARM", "CSTO", "positive", "actual", "ARM")),
    ("Міністр закордонних справ Вірменії заявив: «Ми звернулися до ОДКБ. Відповіді поки немає».",
     ("appeal", "ARM", "CSTO", "positive", "actual", "ARM")),
    ('"We have asked NATO for consultations. Our allies understand why," the Polish prime minister said.',
     ("appeal", "POL", "NATO", "positive", "actual", "POL")),
])
def test_extract_quote_voice(text, key):
    from treatywatch.extract import extract_text

    got = {(e.type, e.actor, e.target, e.polarity, e.modality, e.source) for e in extract_text(text)}
    assert key in got, got


# Who asserts an event, by the form that names the speaker: after the verb ("Как рассказал
# X, ..."), after the quotation ("..., — сказал он"), in a headline lead ("X: ..."), by an
# outlet the data does not know ("передает радиостанция «...»"), by a pronoun that points
# back to the person named before, or the text's own voice ("Напомним, ...").
@pytest.mark.parametrize("text, key", [
    # the speaker follows its verb: "как/як + verb + speaker"
    ("Как рассказал журналистам пресс-секретарь ОДКБ, Армения официально обратилась к организации за помощью.",
     ("appeal", "ARM", "CSTO", "positive", "actual", "CSTO")),
    ("Як повідомив журналістам генеральний секретар ОДКБ, Душанбе звернувся до організації по допомогу.",
     ("appeal", "TJK", "CSTO", "positive", "actual", "CSTO")),
    # "..., X said on Thursday after ...": a circumstance, not what was said, follows the verb
    ("The CSTO will send peacekeepers to Kazakhstan, Secretary General Stanislav Zas said on Thursday "
     "after a meeting of the council.",
     ("deployment", "CSTO", "KAZ", "positive", "intended", "CSTO")),
    ("ОДКБ направит миротворцев в Казахстан, сообщил генеральный секретарь организации Станислав Зась "
     "в четверг после заседания совета.",
     ("deployment", "CSTO", "KAZ", "positive", "intended", "CSTO")),
    # outlets named only by their kind
    ("Армения обратилась к ОДКБ за военной помощью, сообщила радиостанция «Полдень».",
     ("appeal", "ARM", "CSTO", "positive", "actual", "media")),
    ("Киргизія попросила Росію надіслати війська, – передає телеканал «Схід-24».",
     ("appeal", "KGZ", "RUS", "positive", "actual", "media")),
    ("Kyrgyzstan asked Russia to send troops, the Osh Courier newspaper reported.",
     ("appeal", "KGZ", "RUS", "positive", "actual", "media")),
    # a place name inside an outlet's name is no state speaking
    ("Kazakhstan asked the CSTO for help, Astana Courier reports.",
     ("appeal", "KAZ", "CSTO", "positive", "actual", "media")),
    # ... but a weekday after a state is the wire's date, not a name
    ("Poland Monday said it had asked NATO for consultations under Article 4.",
     ("appeal", "POL", "NATO", "positive", "actual", "POL")),
    # headline leads of a few words before a colon
    ("Глава МИД России: Таджикистан не просил ОДКБ о помощи",
     ("appeal", "TJK", "CSTO", "negative", "actual", "RUS")),
    ("Генсек ОДКБ: Армения пока не обращалась за помощью",
     ("appeal", "ARM", "CSTO", "negative", "actual", "CSTO")),
    ("CSTO chief: Armenia has not asked the bloc for troops",
     ("appeal", "ARM", "CSTO", "negative", "actual", "CSTO")),
    # the hat named in apposition is the one a person speaks in
    ("Imangali Tasmagambetov, the Secretary General of the CSTO, said that Russia had not asked the bloc for troops.",
     ("appeal", "RUS", "CSTO", "negative", "actual", "CSTO")),
    # "а также" inside a quotation opened by the speaker does not end the speaker's scope
    ("Пашинян заявил: «Мы обратились к ОДКБ, а также к России, и ждём ответа».",
     ("appeal", "ARM", "RUS", "positive", "actual", "ARM")),
    # a pronoun after a quotation is the person the text named before, even in another paragraph
    ("Токаев выступил по телевидению.\n«Страна подверглась нападению. Мы обратились к ОДКБ за помощью», — сказал он.",
     ("appeal", "KAZ", "CSTO", "positive", "actual", "KAZ")),
    ("Пашинян виступив у парламенті.\n«Ми звернулися до ОДКБ по допомогу», — додав він.",
     ("appeal", "ARM", "CSTO", "positive", "actual", "ARM")),
    ('Tokayev addressed the nation on Wednesday.\n"The country is under attack. We have asked the CSTO for help," he said.',
     ("appeal", "KAZ", "CSTO", "positive", "actual", "KAZ")),
    # "in his view": whoever spoke last, and "he asked" is his state's act
    ("Токаев выступил с обращением. По его мнению, страна подверглась агрессии, и поэтому он обратился к ОДКБ за помощью.",
     ("appeal", "KAZ", "CSTO", "positive", "actual", "KAZ")),
    ("Токаєв виступив зі зверненням. На його думку, країна зазнала агресії, і тому він звернувся до ОДКБ по допомогу.",
     ("appeal", "KAZ", "CSTO", "positive", "actual", "KAZ")),
    # the text's own voice reminding its readers is nobody's statement
    ("Напомним, Казахстан обратился к ОДКБ за помощью 5 января.",
     ("appeal", "KAZ", "CSTO", "positive", "actual", None)),
    ("Нагадаємо, Казахстан звернувся до ОДКБ по допомогу 5 січня.",
     ("appeal", "KAZ", "CSTO", "positive", "actual", None)),
    # a passive speech form names what is said, not who says it
    ("Названо число военных ОДКБ, направленных в Казахстан",
     ("deployment", "CSTO", "KAZ", "positive", "actual", None)),
])
def test_extract_speaker_forms(text, key):
    from treatywatch.extract import extract_text

    got = {(e.type, e.actor, e.target, e.polarity, e.modality, e.source) for e in extract_text(text)}
    assert key in got, got


@pytest.mark.parametrize("text, key", [
    # a party explaining its own request asserts it
    ("Армения обратилась к ОДКБ. Свою просьбу к ОДКБ Ереван объясняет тем, что азербайджанские войска вошли на её территорию.",
     ("appeal", "ARM", "CSTO", "positive", "actual", "ARM")),
    ("Польща звернулася до НАТО. Своє прохання до НАТО Варшава пояснює тим, що ситуація на кордоні погіршилася.",
     ("appeal", "POL", "NATO", "positive", "actual", "POL")),
    # "asked ..., saying ...": the participle tells why; the act is told by the text
    ("Kyrgyzstan asked Russia to send troops, saying the situation was out of control.",
     ("appeal", "KGZ", "RUS", "positive", "actual", None)),
    ("Казахстан обратился к ОДКБ, заявив, что страна подверглась нападению.",
     ("appeal", "KAZ", "CSTO", "positive", "actual", None)),
])
def test_extract_own_act_voice(text, key):
    from treatywatch.extract import extract_text

    got = {(e.type, e.actor, e.target, e.polarity, e.modality, e.source) for e in extract_text(text)}
    assert key in got, got


@pytest.mark.parametrize("text, key", [
    # a parliament speaks for its state by its vote; named as the chamber a person sits in,
    # it is an individual legislator speaking (spec rule 6)
    ("Armenia has asked the CSTO for military help, Vice Speaker of Armenia's National Assembly "
     "Lilit Avetyan told reporters.",
     ("appeal", "ARM", "CSTO", "positive", "actual", "media")),
    ("Армения обратилась к ОДКБ за помощью, сообщил вице-спикер Национального собрания Армении.",
     ("appeal", "ARM", "CSTO", "positive", "actual", "media")),
    ("Армения обратилась к ОДКБ за помощью, сообщило Национальное собрание Армении.",
     ("appeal", "ARM", "CSTO", "positive", "actual", "ARM")),
    # the items of a list opened by "X:" are what X says
    ("The Defence Planning Committee:\n• takes note of Poland's request for consultations under Article 4;\n"
     "• agrees to send AWACS aircraft to Poland.",
     ("appeal", "POL", "NATO", "positive", "actual", "NATO")),
    ("Североатлантический совет:\n• принимает к сведению просьбу Эстонии о консультациях по статье 4;\n"
     "• поручает военным органам подготовить план.",
     ("appeal", "EST", "NATO", "positive", "actual", "NATO")),
    # a bullet after a sentence that opens no list is the text's own
    ("The North Atlantic Council met on Monday.\n• Estonia asked for consultations under Article 4.",
     ("appeal", "EST", "NATO", "positive", "actual", None)),
    # "раскрыли", "разъяснил" report speech
    ("В Ереване раскрыли, что Армения обратилась к России за помощью.",
     ("appeal", "ARM", "RUS", "positive", "actual", "ARM")),
])
def test_extract_speaker_roles_and_lists(text, key):
    from treatywatch.extract import extract_text

    got = {(e.type, e.actor, e.target, e.polarity, e.modality, e.source) for e in extract_text(text)}
    assert key in got, got


@pytest.mark.parametrize("text, key", [
    # the sentence after names what the one before told ("Такое заявление сделал X") and who told it
    ("ОДКБ окажет помощь Таджикистану, если ситуация обострится. Такое заявление сделал перед журналистами "
     "генеральный секретарь ОДКБ.",
     ("offer", "CSTO", "TJK", "positive", "conditional", "CSTO")),
    ("Естонія звернулася до НАТО по консультації за статтею 4. Таке рішення уряд ухвалив на засіданні, "
     "повідомив прем'єр-міністр Естонії.",
     ("appeal", "EST", "NATO", "positive", "actual", "EST")),
    ("Эстония обратилась к НАТО за консультациями. Это решение правительство приняло в пятницу, "
     "сообщил премьер-министр Эстонии.",
     ("appeal", "EST", "NATO", "positive", "actual", "EST")),
    # a demonstrative with nobody speaking refers to nothing
    ("Эстония обратилась к НАТО за консультациями. Такие меры Эстония принимает впервые.",
     ("appeal", "EST", "NATO", "positive", "actual", None)),
    # "the government of the republic" is the state the sentence named
    ("Армения официально обратилась в ОДКБ из-за продвижения азербайджанских военных, сообщили в правительстве республики.",
     ("appeal", "ARM", "CSTO", "positive", "actual", "ARM")),
    # a state's representative to an organization speaks for the state
    ("Представитель Армении при ОДКБ, который вёл заседание, рассказал коллегам об обращении Армении к организации.",
     ("appeal", "ARM", "CSTO", "positive", "actual", "ARM")),
])
def test_extract_speaker_named_by_reference(text, key):
    from treatywatch.extract import extract_text

    got = {(e.type, e.actor, e.target, e.polarity, e.modality, e.source) for e in extract_text(text)}
    assert key in got, got


@pytest.mark.parametrize("text, key", [
    # "по её словам" (written with ё), "за її словами", "according to him": the person named before
    ("Официальный представитель МИД России выступила на брифинге. По её словам, Казахстан обратился к ОДКБ за помощью.",
     ("appeal", "KAZ", "CSTO", "positive", "actual", "RUS")),
    ("Речниця МЗС Росії виступила на брифінгу. За її словами, Казахстан звернувся до ОДКБ по допомогу.",
     ("appeal", "KAZ", "CSTO", "positive", "actual", "RUS")),
    ("Kremlin spokesman Dmitry Peskov spoke to reporters on Monday. According to him, Kazakhstan has asked the CSTO for help.",
     ("appeal", "KAZ", "CSTO", "positive", "actual", "RUS")),
    # a person named inside a quotation is not whom the "he said" after it points to
    ("Пашинян выступил в парламенте.\n«Премьер-министр России Мишустин в курсе. Мы обратились к ОДКБ», — сказал он.",
     ("appeal", "ARM", "CSTO", "positive", "actual", "ARM")),
    # "according to" with a named party
    ("По словам пресс-секретаря ОДКБ, Армения обратилась к организации за помощью.",
     ("appeal", "ARM", "CSTO", "positive", "actual", "CSTO")),
    ("According to the CSTO press service, Armenia has asked the organization for help.",
     ("appeal", "ARM", "CSTO", "positive", "actual", "CSTO")),
    ("За даними джерел, Вірменія звернулася до ОДКБ.",
     ("appeal", "ARM", "CSTO", "positive", "uncertain", "media")),
])
def test_extract_according_to_forms(text, key):
    from treatywatch.extract import extract_text

    got = {(e.type, e.actor, e.target, e.polarity, e.modality, e.source) for e in extract_text(text)}
    assert key in got, got


@pytest.mark.parametrize("text, key", [
    # "говорится в ответе X": the owner of the document says it
    ("Москва официально не обращалась за помощью в ОДКБ. Об этом говорится в ответе Секретариата ОДКБ на запрос журналистов.",
     ("appeal", "RUS", "CSTO", "negative", "actual", "CSTO")),
    ("Росія офіційно не зверталася до ОДКБ по допомогу. Про це йдеться у відповіді секретаріату ОДКБ на запит журналістів.",
     ("appeal", "RUS", "CSTO", "negative", "actual", "CSTO")),
    # a paragraph opened by an outlet's report goes on telling that report
    ("О сотне военных пишут и армянские СМИ. Армянский контингент уже отправился в Казахстан.",
     ("deployment", "ARM", "KAZ", "positive", "actual", "media")),
    ("Про сотню військових пишуть і вірменські ЗМІ. Вірменський контингент уже вирушив до Казахстану.",
     ("deployment", "ARM", "KAZ", "positive", "actual", "media")),
    ("Armenian media also wrote about a hundred troops. The Armenian contingent has already been sent to Kazakhstan.",
     ("deployment", "ARM", "KAZ", "positive", "actual", "media")),
    # ... until somebody else is named speaking
    ("О сотне военных пишут армянские СМИ. Министр обороны Армении заявил, что армянский контингент уже отправился в Казахстан.",
     ("deployment", "ARM", "KAZ", "positive", "actual", "ARM")),
])
def test_extract_voice_from_the_paragraph(text, key):
    from treatywatch.extract import extract_text

    got = {(e.type, e.actor, e.target, e.polarity, e.modality, e.source) for e in extract_text(text)}
    assert key in got, got


def test_extract_speakers_circumstance_is_not_what_it_says():
    """"..., говорится в ответе секретариата на запрос журналистов": the journalists' request
    is no appeal the secretariat asserts."""
    from treatywatch.extract import extract_text

    text = ("Казахстан обратился к ОДКБ за помощью. Об этом говорится в ответе Секретариата ОДКБ "
            "на запрос казахстанских журналистов.")
    got = {(e.type, e.actor, e.target, e.source) for e in extract_text(text)}
    assert ("appeal", "KAZ", "CSTO", "CSTO") in got, got
    assert not any(e[0] == "appeal" and e[3] == "CSTO" and e[2] != "CSTO" for e in got), got


@pytest.mark.parametrize("text, key", [
    # "Решение об этом принял X, сообщил Y": Y tells the act the sentence before told
    ("В тот же день Армения официально обратилась в ОДКБ. Решение об этом принял Совет безопасности республики, "
     "сообщил армянский кабмин.",
     ("appeal", "ARM", "CSTO", "positive", "actual", "ARM")),
    ("Того ж дня Вірменія офіційно звернулася до ОДКБ. Рішення про це ухвалила Рада безпеки, повідомив уряд Вірменії.",
     ("appeal", "ARM", "CSTO", "positive", "actual", "ARM")),
])
def test_extract_about_this_refers_back(text, key):
    from treatywatch.extract import extract_text

    got = {(e.type, e.actor, e.target, e.polarity, e.modality, e.source) for e in extract_text(text)}
    assert key in got, got


@pytest.mark.parametrize("text, key", [
    # "а" inside what is said goes on saying it
    ("Секретариат ОДКБ объявил, что миротворческие силы направлены в Казахстан, а российский батальон уже прибыл в Алматы.",
     ("deployment", "RUS", "KAZ", "positive", "actual", "CSTO")),
    ("Секретаріат ОДКБ оголосив, що миротворчі сили направлено до Казахстану, а російський батальйон уже прибув до Алмати.",
     ("deployment", "RUS", "KAZ", "positive", "actual", "CSTO")),
    # told with a later time, the text itself goes on
    ("Секретариат ОДКБ объявил, что направит миротворцев в Казахстан, а уже вечером российский батальон прибыл в Алматы.",
     ("deployment", "RUS", "KAZ", "positive", "actual", None)),
])
def test_extract_speaker_scope_over_a(text, key):
    from treatywatch.extract import extract_text

    got = {(e.type, e.actor, e.target, e.polarity, e.modality, e.source) for e in extract_text(text)}
    assert key in got, got


@pytest.mark.parametrize("text, key", [
    # a bare title before the verb names again the person the text named before
    ("Генсек ОДКБ Станислав Зась выступил на брифинге.\nЕщё в октябре генсек говорил журналистам, что ОДКБ "
     "окажет Армении военную помощь, если возникнет угроза.",
     ("offer", "CSTO", "ARM", "positive", "conditional", "CSTO")),
    ("Пашинян виступив у парламенті.\nПрем'єр також повідомив, що Вірменія звернулася до ОДКБ по допомогу.",
     ("appeal", "ARM", "CSTO", "positive", "actual", "ARM")),
    # experts are not the person named before, and speak as media
    ("Пашинян выступил в парламенте.\nЭксперты заявили, что Армения обратилась к ОДКБ.",
     ("appeal", "ARM", "CSTO", "positive", "actual", "media")),
])
def test_extract_speaker_named_by_title(text, key):
    from treatywatch.extract import extract_text

    got = {(e.type, e.actor, e.target, e.polarity, e.modality, e.source) for e in extract_text(text)}
    assert key in got, got


@pytest.mark.parametrize("text", [
    "Кроме того, как говорится в посте, Таджикистан выразил готовность оказать России военную помощь.",
    "Крім того, як ідеться в дописі, Таджикистан висловив готовність надати Росії військову допомогу.",
])
def test_an_as_clause_after_a_mere_adverbial_speaks_for_what_follows(text):
    from treatywatch.extract import extract_text

    assert [(e.modality, e.source) for e in extract_text(text) if e.type == "offer"] == [("uncertain", "media")]


@pytest.mark.parametrize("text", [
    "В заявлении МИД России отмечается, что Москва окажет Еревану всю необходимую помощь, если бои перекинутся на Армению.",
    "У заяві МЗС Росії зазначається, що Москва надасть Єревану всю необхідну допомогу, якщо бої перекинуться на Вірменію.",
    "The Russian foreign ministry's statement said that Moscow would give Yerevan all necessary help if the fighting spread to Armenia.",
])
def test_a_party_s_statement_is_no_rumour(text):
    from treatywatch.extract import extract_text

    assert [e.modality for e in extract_text(text) if e.type == "offer"] == ["conditional"]

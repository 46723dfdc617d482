"""Hand-tagged English news sentences for the part-of-speech tagger (written for this project).

One row a sentence: "word/TAG" pairs, tokens as razdel cuts them (an apostrophe is a token
of its own: "Kazakhstan ' s", "didn ' t"). TAG is the OpenCorpora part of speech the
tagger gives (docs/architecture.md, "English part of speech"), "_" for no part of speech
(punctuation, figures); VERB.past / VERB.pres also check the tense grammeme.

DEVELOPMENT rows were in view while the tagger's rules were written; HELD_OUT rows were
written at the same time and only scored at the end, so their figure is the honest one.
"""

DEVELOPMENT = [
    "Armenia/NOUN formally/ADVB requested/VERB.past military/ADJF assistance/NOUN from/PREP the/ADJF CSTO/NOUN "
    "on/PREP Tuesday/NOUN ./_",
    "The/ADJF request/NOUN was/VERB.past sent/PRTS to/PREP the/ADJF alliance/NOUN '/_ s/PRCL secretariat/NOUN ./_",
    "Kazakhstan/NOUN '/_ s/PRCL president/NOUN appealed/VERB.past to/PREP the/ADJF bloc/NOUN for/PREP help/NOUN "
    "after/PREP protests/NOUN turned/VERB.past violent/ADJF ./_",
    "Russia/NOUN will/VERB send/INFN peacekeepers/NOUN and/CONJ could/VERB deploy/INFN more/COMP troops/NOUN "
    "if/CONJ the/ADJF situation/NOUN worsens/VERB.pres ./_",
    "The/ADJF government/NOUN has/VERB.pres not/PRCL yet/ADVB decided/VERB.past whether/CONJ to/PRCL "
    "withdraw/INFN its/ADJF forces/NOUN ./_",
    "NATO/NOUN allies/NOUN offered/VERB.past support/NOUN but/CONJ turned/VERB.past down/PRCL the/ADJF call/NOUN "
    "for/PREP a/ADJF no-fly/ADJF zone/NOUN ./_",
    "Officials/NOUN said/VERB.past the/ADJF troops/NOUN deployed/PRTF to/PREP the/ADJF border/NOUN would/VERB "
    "return/INFN home/ADVB next/ADJF week/NOUN ./_",
    "Poland/NOUN called/VERB.past on/PREP NATO/NOUN to/PRCL hold/INFN consultations/NOUN under/PREP "
    "Article/NOUN 4/_ ./_",
    "Moscow/NOUN denies/VERB.pres that/CONJ it/NPRO plans/VERB.pres to/PRCL withdraw/INFN ./_",
    "The/ADJF decision/NOUN to/PRCL deploy/INFN a/ADJF peacekeeping/NOUN force/NOUN was/VERB.past taken/PRTS "
    "unanimously/ADVB ./_",
    "Yerevan/NOUN has/VERB.pres repeatedly/ADVB asked/VERB.past for/PREP help/NOUN ,/_ but/CONJ the/ADJF "
    "bloc/NOUN has/VERB.pres refused/VERB.past to/PRCL intervene/INFN ./_",
    "Turkey/NOUN requests/VERB.pres consultations/NOUN after/PREP attack/NOUN on/PREP its/ADJF soldiers/NOUN",
    "Requests/NOUN for/PREP aid/NOUN were/VERB.past rejected/PRTS by/PREP the/ADJF council/NOUN ./_",
    "The/ADJF United/NOUN States/NOUN supports/VERB.pres the/ADJF appeal/NOUN and/CONJ is/VERB.pres "
    "sending/VERB aid/NOUN ./_",
    "Lithuania/NOUN and/CONJ Latvia/NOUN have/VERB.pres invoked/VERB.past Article/NOUN 4/_ of/PREP the/ADJF "
    "treaty/NOUN ./_",
    "The/ADJF requested/PRTF aid/NOUN has/VERB.pres not/PRCL arrived/VERB.past ./_",
    "Armed/ADJF groups/NOUN attacked/VERB.past border/NOUN posts/NOUN overnight/ADVB ./_",
    "They/NPRO may/VERB also/ADVB request/INFN an/ADJF emergency/NOUN meeting/NOUN ./_",
    "The/ADJF ministry/NOUN did/VERB.past not/PRCL comment/INFN on/PREP reports/NOUN that/CONJ troops/NOUN "
    "had/VERB.past left/VERB.past ./_",
    "We/NPRO are/VERB.pres ready/ADJF to/PRCL help/INFN ,/_ the/ADJF minister/NOUN told/VERB.past "
    "reporters/NOUN ./_",
    "Belarus/NOUN offered/VERB.past to/PRCL send/INFN troops/NOUN ,/_ citing/GRND the/ADJF treaty/NOUN ./_",
    "An/ADJF offer/NOUN of/PREP help/NOUN came/VERB.past from/PREP Minsk/NOUN ./_",
    "Support/NOUN for/PREP the/ADJF mission/NOUN is/VERB.pres growing/VERB ./_",
    "France/NOUN invoked/VERB.past Article/NOUN 42.7/_ after/PREP the/ADJF attacks/NOUN in/PREP Paris/NOUN ./_",
    "The/ADJF alliance/NOUN began/VERB.past withdrawing/GRND its/ADJF contingent/NOUN in/PREP January/NOUN ./_",
    "Tajikistan/NOUN turned/VERB.past to/PREP Moscow/NOUN ,/_ which/ADJF promised/VERB.past to/PRCL aid/INFN "
    "its/ADJF ally/NOUN ./_",
    "ARMENIA/NOUN ASKS/VERB.pres CSTO/NOUN FOR/PREP HELP/NOUN",
    "Kyrgyz/ADJF Leader/NOUN Appeals/VERB.pres To/PREP Russia/NOUN For/PREP Peacekeepers/NOUN",
    "Troops/NOUN sent/PRTF by/PREP the/ADJF bloc/NOUN left/VERB.past the/ADJF country/NOUN within/PREP "
    "two/NUMR weeks/NOUN ./_",
    "The/ADJF country/NOUN didn/VERB.past '/_ t/PRCL ask/INFN NATO/NOUN for/PREP troops/NOUN ./_",
    "The/ADJF contingent/NOUN left/VERB.past the/ADJF country/NOUN two/NUMR days/NOUN early/ADVB ./_",
    "A/ADJF Russian/ADJF military/ADJF convoy/NOUN crossed/VERB.past the/ADJF border/NOUN at/PREP dawn/NOUN ./_",
]

HELD_OUT = [
    "Estonia/NOUN asked/VERB.past its/ADJF allies/NOUN for/PREP consultations/NOUN after/PREP a/ADJF drone/NOUN "
    "crashed/VERB.past near/PREP Tartu/NOUN ./_",
    "The/ADJF appeal/NOUN was/VERB.past rejected/PRTS ,/_ a/ADJF spokesman/NOUN for/PREP the/ADJF "
    "organisation/NOUN said/VERB.past ./_",
    "Russia/NOUN is/VERB.pres expected/PRTS to/PRCL withdraw/INFN the/ADJF remaining/ADJF units/NOUN by/PREP "
    "Friday/NOUN ./_",
    "Diplomats/NOUN said/VERB.past Ankara/NOUN had/VERB.past called/VERB.past for/PREP an/ADJF urgent/ADJF "
    "meeting/NOUN of/PREP the/ADJF North/NOUN Atlantic/NOUN Council/NOUN ./_",
    "The/ADJF bloc/NOUN will/VERB not/PRCL deploy/INFN forces/NOUN without/PREP a/ADJF formal/ADJF "
    "request/NOUN ./_",
    "Kazakhstan/NOUN withdrew/VERB.past its/ADJF request/NOUN a/ADJF week/NOUN later/ADVB ./_",
    "Minsk/NOUN offers/VERB.pres aid/NOUN ,/_ Moscow/NOUN sends/VERB.pres paratroopers/NOUN",
    "Offers/NOUN of/PREP military/ADJF aid/NOUN have/VERB.pres been/VERB.past welcomed/PRTS by/PREP "
    "Baku/NOUN ./_",
    "The/ADJF president/NOUN could/VERB turn/INFN to/PREP the/ADJF alliance/NOUN if/CONJ fighting/NOUN "
    "resumes/VERB.pres ./_",
    "Supporting/GRND the/ADJF mission/NOUN ,/_ Germany/NOUN pledged/VERB.past two/NUMR hundred/NUMR "
    "soldiers/NOUN ./_",
    "It/NPRO was/VERB.past the/ADJF first/ADJF time/NOUN the/ADJF treaty/NOUN had/VERB.past been/VERB.past "
    "invoked/PRTS ./_",
    "Georgia/NOUN '/_ s/PRCL call/NOUN for/PREP support/NOUN went/VERB.past unanswered/ADJF ./_",
    "Serbian/ADJF troops/NOUN pulled/VERB.past back/PRCL from/PREP the/ADJF line/NOUN ,/_ officials/NOUN "
    "confirmed/VERB.past ./_",
    "Washington/NOUN would/VERB consider/INFN any/ADJF request/NOUN ,/_ she/NPRO added/VERB.past ./_",
    "Nobody/NPRO has/VERB.pres formally/ADVB requested/VERB.past the/ADJF deployment/NOUN of/PREP "
    "peacekeepers/NOUN ./_",
    "Units/NOUN stationed/PRTF in/PREP Abkhazia/NOUN were/VERB.past ordered/PRTS to/PRCL return/INFN ./_",
]


def parse_row(row: str) -> list[tuple[str, str | None, str | None]]:
    """'requested/VERB.past' -> ('requested', 'VERB', 'past'); '_' -> None."""
    out = []
    for item in row.split():
        word, tag = item.rsplit("/", 1)
        pos, _, tense = tag.partition(".")
        out.append((word, None if pos == "_" else pos, tense or None))
    return out

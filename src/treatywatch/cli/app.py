"""The Typer application every command module registers on."""

import typer

app = typer.Typer(
    name="treatywatch",
    help="Turn news into an evidence-cited record of collective-security appeals, decisions and deployments.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

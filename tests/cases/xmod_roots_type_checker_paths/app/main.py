"""The app entry point (app/ has no __init__.py): `billing` is under services/ (mypy_path)."""
from billing.invoices import InvoiceService


async def scenario_mypy_path_coroutine_iterated():
    async for amount in InvoiceService().total("acme"):  # error: AGN201
        print(amount)


async def scenario_mypy_path_agen_gathered():
    import asyncio

    return await asyncio.gather(InvoiceService().invoices("acme"))  # error: AGN202


async def scenario_ok_mypy_path_correct():
    # trap: correct.
    service = InvoiceService()
    print(await service.total("acme"))
    async for invoice in service.invoices("acme"):
        print(invoice)

"""`telemetry` lives in shared/ ([tool.mypy] mypy_path, [tool.pyright] extraPaths)."""
from telemetry import Exporter, exporter, traced


class InvoiceService:
    def __init__(self) -> None:
        self.exporter = Exporter()

    async def invoices(self, customer: str):
        yield {"customer": customer, "total": 10}

    async def total(self, customer: str) -> int:
        return sum([i["total"] async for i in self.invoices(customer)])

    async def close(self):
        async for n in self.exporter.flush():  # error: AGN201
            print(n)


async def scenario_extra_path_module_instance_awaited():
    return await exporter.spans()  # error: AGN200


async def scenario_extra_path_attribute_coroutine_iterated():
    await InvoiceService().close()


async def scenario_extra_path_acm_awaited():
    return await traced("invoice")  # error: AGN206


async def scenario_extra_path_discarded():
    exporter.spans()  # error: AGN207
    assert exporter.flushed, "spans never exported"


async def scenario_ok_extra_path_correct():
    # trap: correct.
    async with traced("invoice") as exp:
        print(await exp.flush())
    async for span in exporter.spans():
        print(span)

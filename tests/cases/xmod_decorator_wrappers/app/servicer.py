from di.grpcio import inject, inject_fixed


class Greeter:
    @inject
    async def unary(self, request: str) -> str:
        return request

    @inject
    async def stream(self, request: str):
        yield request

    @inject_fixed
    async def fixed_stream(self, request: str):
        yield request

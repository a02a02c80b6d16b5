"""tri_a -> tri_b -> tri_c -> tri_a."""
import tri_b


async def a_stream():
    yield "a"


async def bad_through_cycle():
    return await tri_b.b_stream()  # error: AGN200

# FIX: --unsafe-fixes
async def live_events(topic):
    yield topic


async def replay_events(topic):
    yield topic


async def events(topic, live):
    if live:
        return live_events(topic)
    stream = replay_events(topic)
    return stream

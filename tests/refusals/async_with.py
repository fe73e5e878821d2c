async def main(lock):
    async with lock:
        pass

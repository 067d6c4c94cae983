// A browser test starts two services, a Kafka round trip and Chromium; give it room.
jest.setTimeout(180_000);

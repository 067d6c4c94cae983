// Integration tests wait on a real broker (group joins, rebalances); give them room.
jest.setTimeout(90_000);

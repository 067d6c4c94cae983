import { randomUUID } from 'node:crypto';
import type { Consumer, Kafka, KafkaMessage } from 'kafkajs';

/** Reads everything that lands on a topic from the beginning, for assertions in integration tests. */
export class TopicCollector {
  readonly messages: KafkaMessage[] = [];
  private consumer: Consumer | undefined;

  constructor(
    private readonly kafka: Kafka,
    private readonly topic: string,
  ) {}

  async start(): Promise<this> {
    this.consumer = this.kafka.consumer({ groupId: `test-collector-${randomUUID()}` });
    await this.consumer.connect();
    await this.consumer.subscribe({ topic: this.topic, fromBeginning: true });
    await this.consumer.run({
      eachMessage: ({ message }) => {
        this.messages.push(message);
        return Promise.resolve();
      },
    });
    return this;
  }

  json<T>(): T[] {
    return this.messages.map((message) => JSON.parse(message.value?.toString('utf8') ?? 'null') as T);
  }

  async stop(): Promise<void> {
    await this.consumer?.disconnect();
  }
}

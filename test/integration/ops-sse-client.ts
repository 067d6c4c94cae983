/** Reads GET /api/events as a browser's EventSource would, collecting events for assertions. */
export interface StreamedEvent {
  event: string;
  data: unknown;
}

export class SseClient {
  readonly events: StreamedEvent[] = [];
  readonly comments: string[] = [];
  private readonly controller = new AbortController();
  status = 0;
  contentType: string | null = null;

  static async open(url: string, cookie: string): Promise<SseClient> {
    const client = new SseClient();
    const response = await fetch(url, {
      headers: { cookie, accept: 'text/event-stream' },
      signal: client.controller.signal,
    });
    client.status = response.status;
    client.contentType = response.headers.get('content-type');
    if (response.body) {
      void client.read(response.body);
    }
    return client;
  }

  private async read(body: ReadableStream<Uint8Array>): Promise<void> {
    const decoder = new TextDecoder();
    let buffer = '';
    try {
      for await (const chunk of body) {
        buffer += decoder.decode(chunk, { stream: true });
        let end = buffer.indexOf('\n\n');
        while (end >= 0) {
          this.parse(buffer.slice(0, end));
          buffer = buffer.slice(end + 2);
          end = buffer.indexOf('\n\n');
        }
      }
    } catch {
      // aborted by close()
    }
  }

  private parse(block: string): void {
    let event = 'message';
    const data: string[] = [];
    for (const line of block.split('\n')) {
      if (line.startsWith(':')) {
        this.comments.push(line.slice(1).trim());
      } else if (line.startsWith('event: ')) {
        event = line.slice(7);
      } else if (line.startsWith('data: ')) {
        data.push(line.slice(6));
      }
    }
    if (data.length > 0) {
      this.events.push({ event, data: JSON.parse(data.join('\n')) as unknown });
    }
  }

  close(): void {
    this.controller.abort();
  }
}

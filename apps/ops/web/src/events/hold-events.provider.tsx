import {
  createContext,
  type ReactNode,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useRef,
  useState,
} from 'react';
import { HOLD_EVENT_TYPES, type HoldEvent, parseHoldEvent, reconnectDelayMs } from './hold-event';

/** `resync` follows a reconnection: events may have been missed, so views refetch what they show. */
export type HoldStreamMessage = HoldEvent | { type: 'resync' };
export type HoldStreamListener = (message: HoldStreamMessage) => void;
export type StreamConnection = 'connecting' | 'live' | 'reconnecting';

interface HoldEventsValue {
  connection: StreamConnection;
  subscribe: (listener: HoldStreamListener) => () => void;
}

const HoldEventsContext = createContext<HoldEventsValue | null>(null);

/**
 * One EventSource on /api/events for the whole console. The browser retries dropped connections on its
 * own; an HTTP error (401 after the session expired) closes the stream, and then `onClosed` decides
 * whether to sign out or to reconnect after a back-off.
 */
export function HoldEventsProvider(props: {
  onClosed: () => Promise<'retry' | 'stop'>;
  children: ReactNode;
}): ReactNode {
  const { onClosed, children } = props;
  const listeners = useRef(new Set<HoldStreamListener>());
  const [connection, setConnection] = useState<StreamConnection>('connecting');
  const onClosedRef = useRef(onClosed);
  onClosedRef.current = onClosed;

  useEffect(() => {
    let source: EventSource | null = null;
    let retryTimer: number | undefined;
    let failures = 0;
    let connectedBefore = false;
    let stopped = false;
    const emit = (message: HoldStreamMessage): void => {
      for (const listener of listeners.current) {
        listener(message);
      }
    };
    const connect = (): void => {
      const current = new EventSource('/api/events');
      source = current;
      current.onopen = () => {
        if (connectedBefore) {
          emit({ type: 'resync' });
        }
        connectedBefore = true;
        failures = 0;
        setConnection('live');
      };
      for (const type of HOLD_EVENT_TYPES) {
        current.addEventListener(type, (event: MessageEvent<string>) => {
          const parsed = parseHoldEvent(type, event.data);
          if (parsed) {
            emit(parsed);
          }
        });
      }
      current.onerror = () => {
        setConnection('reconnecting');
        if (current.readyState !== EventSource.CLOSED) {
          return;
        }
        current.close();
        failures += 1;
        void onClosedRef.current().then((next) => {
          if (next === 'retry' && !stopped) {
            retryTimer = window.setTimeout(connect, reconnectDelayMs(failures));
          }
        });
      };
    };
    connect();
    return () => {
      stopped = true;
      window.clearTimeout(retryTimer);
      source?.close();
    };
  }, []);

  const subscribe = useCallback((listener: HoldStreamListener) => {
    listeners.current.add(listener);
    return () => {
      listeners.current.delete(listener);
    };
  }, []);
  const value = useMemo<HoldEventsValue>(() => ({ connection, subscribe }), [connection, subscribe]);
  return <HoldEventsContext.Provider value={value}>{children}</HoldEventsContext.Provider>;
}

function useHoldEventsContext(): HoldEventsValue {
  const value = useContext(HoldEventsContext);
  if (!value) {
    throw new Error('hold events used outside HoldEventsProvider');
  }
  return value;
}

/** Calls `listener` for every live hold event while the component is mounted. */
export function useHoldEvents(listener: HoldStreamListener): void {
  const { subscribe } = useHoldEventsContext();
  const latest = useRef(listener);
  latest.current = listener;
  useEffect(() => subscribe((message) => latest.current(message)), [subscribe]);
}

export function useStreamConnection(): StreamConnection {
  return useHoldEventsContext().connection;
}

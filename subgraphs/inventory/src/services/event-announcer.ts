import type { EntityManager } from '@mikro-orm/postgresql';
import { announceEvents, type EventAnnouncement } from '#platform/outbox';
import { SCHEMA } from '../constants';

/** Events per NOTIFY, so its payload stays well under PostgreSQL's 8000 bytes. */
const EVENTS_PER_NOTIFY = 50;

interface Waiting {
  events: EventAnnouncement[];
  done: () => void;
}

interface Announcer {
  inFlight: boolean;
  waiting: Waiting[];
}

/** One per database, so writers that committed while a NOTIFY was in flight share the next one. */
const announcers = new WeakMap<object, Announcer>();

/**
 * Announces outbox rows already committed, outside any transaction. Under load a NOTIFY per
 * writer would cost each a round trip and a turn on the database's notification lock, so
 * writers that commit while one is in flight are announced together by the next. Never throws:
 * a lost notification only delays delivery until the outbox readers' next poll.
 */
export function announceCommitted(em: EntityManager, events: EventAnnouncement[], onError: (error: unknown) => void): Promise<void> {
  if (events.length === 0) return Promise.resolve();
  const database = em.getKnex();
  let announcer = announcers.get(database);
  if (!announcer) announcers.set(database, (announcer = { inFlight: false, waiting: [] }));
  const self = announcer;
  return new Promise((resolve) => {
    self.waiting.push({ events, done: resolve });
    if (!self.inFlight) void drain(em, self, onError);
  });
}

async function drain(em: EntityManager, announcer: Announcer, onError: (error: unknown) => void): Promise<void> {
  announcer.inFlight = true;
  while (announcer.waiting.length) {
    const batch = announcer.waiting.splice(0);
    const events = batch.flatMap((w) => w.events);
    try {
      for (let i = 0; i < events.length; i += EVENTS_PER_NOTIFY) {
        await announceEvents(em, SCHEMA, events.slice(i, i + EVENTS_PER_NOTIFY));
      }
    } catch (error) {
      onError(error);
    }
    for (const waiting of batch) waiting.done();
  }
  announcer.inFlight = false;
}

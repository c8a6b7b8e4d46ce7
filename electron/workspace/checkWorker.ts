/** The worker thread that parses and checks the site's texts for the hosts (see bookChecker.ts): requests in, answers out, in order. */
import { parentPort } from 'node:worker_threads';
import { keepPeople, localChecker, withPeople } from './bookChecker';
import type { PeopleLists } from './bookChecker';
import type { CheckRequest } from './workerChecker';

const checker = localChecker();
/** The lists of people sent so far, by key (as the other side keeps them). */
const lists = new Map<number, PeopleLists>();

function run(r: CheckRequest): Promise<unknown> {
  switch (r.op) {
    case 'open':
      return checker.open(r.id, r.text);
    case 'check':
      return checker.check(r.id, withPeople(r.site, lists), r.withDiagnostics);
    case 'people':
      keepPeople(lists, r.key, r.people);
      return Promise.resolve(null);
    case 'forget':
      checker.forget(r.id);
      return Promise.resolve(null);
    case 'person':
      return checker.person(r.fileName, r.text);
  }
}

parentPort?.on('message', (r: CheckRequest & { seq: number }) => {
  run(r).then(
    (value) => parentPort!.postMessage({ seq: r.seq, ok: true, value }),
    (e: unknown) => parentPort!.postMessage({ seq: r.seq, ok: false, error: e instanceof Error ? e.message : String(e) }),
  );
});

parentPort?.postMessage({ ready: true });

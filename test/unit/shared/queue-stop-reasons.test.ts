import { expect, test } from 'vitest'
import { stopReason } from '../../../src/shared/queue-stop-reasons'

test('a queue pause becomes a cause the UI can put in words', () => {
  const cases: [string, string | null, boolean, string][] = [
    ['paused by user', null, false, 'paused'],
    [
      'printer did not answer a status query: 127.0.0.1:9100: connect ECONNREFUSED 127.0.0.1:9100',
      'offline',
      false,
      'refused'
    ],
    ['sending failed: 10.0.0.9:9100 did not answer in 2000 ms', null, false, 'no_response'],
    [
      'printer did not answer a status query: no status reply in 2000 ms',
      'offline',
      false,
      'no_response'
    ],
    ['sending failed: printer stopped taking data for 10000 ms', null, false, 'no_response'],
    [
      'sending failed: 10.0.0.9:9100: connect EHOSTUNREACH 10.0.0.9:9100',
      null,
      false,
      'unreachable'
    ],
    [
      'printer did not answer a status query: 127.0.0.1:9100 closed the connection',
      'offline',
      true,
      'connection_lost'
    ],
    ['sending failed: write ECONNRESET', null, false, 'connection_lost'],
    ['printer reports paper_out (paper out)', 'paper_out', false, 'paper_out'],
    ['printer reports cover_open (cover open)', 'cover_open', false, 'cover_open'],
    ['printer reports head_hot', 'head_hot', false, 'head_hot'],
    [
      'label 7361 was sent before the printer faulted; confirm whether it came out',
      null,
      true,
      'unconfirmed'
    ],
    ['printer reports offline', 'offline', false, 'offline'],
    ['something new', null, false, 'other']
  ]
  for (const [reason, state, unconfirmed, expected] of cases) {
    expect([reason, stopReason(reason, state, unconfirmed)]).toEqual([reason, expected])
  }
  expect(stopReason(null, null, false)).toBeNull()
})

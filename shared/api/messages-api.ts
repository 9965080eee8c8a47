// Customer messages and staff notifications on the desktop: a dispatcher's "send the tracking
// link again". Commands are the mutators' own argument schemas (one rule, checked here and
// again wherever the mutator runs); the server queues and sends, never the desktop.
import { sendTrackingLink as sendTrackingLinkMutator } from '../messages/message-mutators';
import { command } from './define';

export const messagesApi = {
  /** The customer gets the tracking link again on every channel the "confirmed" rule uses. */
  sendTrackingLink: command(sendTrackingLinkMutator.args.strict()),
} as const;

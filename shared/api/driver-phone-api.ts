// The console's side of drivers' phones (issue 18): a one-time sign-in link (URL + QR) for a
// driver, signing a phone out, the proofs of an order, their image files (fetched by main from
// the server with the user's token: photos are served only to signed-in users), and the
// admin's proof rule per service type.
import { z } from 'zod';
import { SERVICE_TYPES, type ServiceType } from '../domain/vocabulary';
import type { ProofKind } from '../delivery/proof-vocabulary';
import { command, idSchema, query } from './define';

export interface DriverLinkView {
  url: string;
  expiresAt: number;
  /** The URL as a QR code (SVG markup, drawn by main with the qrcode library). */
  qrSvg: string;
}

export interface OrderProofView {
  kind: ProofKind;
  fileId: string | null;
  at: number;
  actorName: string | null;
}

export interface OrderProofsView {
  required: ProofKind[];
  proofs: OrderProofView[];
  /** The delivery code the customer was given, if one was issued. */
  code: string | null;
}

export interface ProofRuleView {
  serviceType: ServiceType;
  photo: boolean;
  signature: boolean;
  code: boolean;
}

/** The server's answer to POST /api/driver/links; main checks it with this before drawing the QR. */
export const driverLinkAnswer = z
  .object({
    url: z.string().max(2048).regex(/^https?:\/\/\S+$/),
    expiresAt: z.number().int().positive(),
  })
  .strict();

/** The server's answer to POST /api/driver/revoke: how many phones were signed out. */
export const revokeDriverPhoneAnswer = z.object({ revoked: z.number().int().nonnegative() }).strict();
export type RevokeDriverPhoneView = z.infer<typeof revokeDriverPhoneAnswer>;

export const driverPhoneApi = {
  issueDriverLink: query<DriverLinkView>()(z.object({ driverId: idSchema }).strict()),
  revokeDriverPhone: query<RevokeDriverPhoneView>()(z.object({ driverId: idSchema }).strict()),
  orderProofs: query<OrderProofsView>()(z.object({ orderId: idSchema }).strict()),
  proofFile: query<{ dataUrl: string }>()(z.object({ fileId: idSchema }).strict()),
  proofRules: query<ProofRuleView[]>()(z.object({}).strict().optional()),
  setProofRule: command(z.object({ serviceType: z.enum(SERVICE_TYPES), photo: z.boolean(), signature: z.boolean(), code: z.boolean() }).strict()),
  issueDeliveryCode: command(z.object({ orderId: idSchema }).strict()),
} as const;

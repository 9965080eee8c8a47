// Proof of delivery: the kinds a driver's phone can give ("the driver swears he delivered"),
// and the ids of their synced rows. Free of drizzle and zod so schema, mutators, server,
// console and the phone page read one list.

/** A photo of the handed-over goods, the recipient's signature, the code the customer received. */
export const PROOF_KINDS = ['photo', 'signature', 'code'] as const;
export type ProofKind = (typeof PROOF_KINDS)[number];

/** Kinds stored as a file on the server (the row holds the file id). */
export const FILE_PROOF_KINDS = ['photo', 'signature'] as const;
export type FileProofKind = (typeof FILE_PROOF_KINDS)[number];

/** One proof of each kind per order: a retaken photo replaces the last one. */
export function proofRowId(orderId: string, kind: ProofKind): string {
  return `${orderId}:${kind}`;
}

/** A delivery code is 4 to 8 digits: short enough to read out over a doorstep. */
export const DELIVERY_CODE_PATTERN = /^\d{4,8}$/;

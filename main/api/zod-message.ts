// One readable sentence from a zod error: "orderId: Too small: expected string to have >=1 characters".
import type { z } from 'zod';

export function describeZodError(error: z.ZodError): string {
  return error.issues
    .slice(0, 5)
    .map((i) => (i.path.length > 0 ? `${i.path.join('.')}: ${i.message}` : i.message))
    .join('; ');
}

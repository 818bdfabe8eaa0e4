/**
 * Shapes of MessageBird's answers, typed here because the SDK's bundled typings lack
 * `messagePartCount`, `statusReason` and `price`, and because the SDK passes any parsable body on as
 * success (docs/MESSAGEBIRD.md "The SDK"). Unknown extra fields are allowed; the ones we use are checked.
 */
import { z } from 'zod';
import { DELIVERY_STATUSES } from '@shared/gateway-types';
import type { Balance } from '@shared/gateway-types';
import type { RecipientStatus, SentMessage } from '../ports';

/** MessageBird sends `null` for absent optional fields; we drop them. */
const optional = <T extends z.ZodType>(schema: T) =>
  schema
    .nullish()
    .transform((value) => value ?? undefined);

const recipientItemSchema = z.object({
  // MessageBird returns the number as a JSON number (31612345678); some proxies stringify it.
  recipient: z.union([z.number().int().nonnegative(), z.string().regex(/^\+?\d{1,20}$/)]),
  status: z.enum(DELIVERY_STATUSES),
  statusDatetime: optional(z.string().max(64)),
  statusReason: optional(z.string().max(500)),
  statusErrorCode: optional(z.number().int()),
  messagePartCount: optional(z.number().int().min(0).max(1000)),
  price: optional(
    z.object({
      amount: z.number().finite(),
      currency: z.string().min(1).max(8),
    }),
  ),
});

/** `POST /messages` (201) and `GET /messages/{id}` (200). */
export const messageSchema = z.object({
  id: z.string().min(1).max(128),
  createdDatetime: optional(z.string().max(64)),
  recipients: z.object({
    totalCount: optional(z.number().int()),
    items: z.array(recipientItemSchema).max(1000),
  }),
});

/** `GET /balance`. */
export const balanceSchema = z.object({
  payment: z.string().max(64),
  type: z.string().max(64),
  amount: z.number().finite(),
});

/** `{ errors: [{ code, description, parameter }] }`, as the SDK attaches it to `err.errors`. */
export const apiErrorsSchema = z
  .array(
    z.object({
      code: z.number().int(),
      description: z.string().nullish(),
      parameter: z.string().nullish(),
    }),
  )
  .min(1);
export type ApiErrors = z.infer<typeof apiErrorsSchema>;

/** Turns a checked message into the port's shape; recipients in E.164 with a leading `+`. */
export function toSentMessage(message: z.infer<typeof messageSchema>): SentMessage {
  return {
    id: message.id,
    ...(message.createdDatetime !== undefined && { createdDatetime: message.createdDatetime }),
    recipients: message.recipients.items.map((item): RecipientStatus => {
      const digits = String(item.recipient).replace(/^\+/, '');
      const status: RecipientStatus = { recipient: `+${digits}`, status: item.status };
      if (item.statusDatetime !== undefined) status.statusDatetime = item.statusDatetime;
      if (item.statusReason !== undefined) status.statusReason = item.statusReason;
      if (item.statusErrorCode !== undefined) status.statusErrorCode = item.statusErrorCode;
      if (item.messagePartCount !== undefined) status.messagePartCount = item.messagePartCount;
      if (item.price !== undefined) status.price = item.price;
      return status;
    }),
  };
}

export function toBalance(balance: z.infer<typeof balanceSchema>): Balance {
  return { payment: balance.payment, type: balance.type, amount: balance.amount };
}

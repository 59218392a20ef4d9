// billing-service: cart, orders, payments (verified by the server), refunds (billing-service/README.md, docs/billing.md).
import { del, get, post } from './http';

export interface CartLine { cohortId: string; courseId: string; courseTitle: string; price: number; currency: string }
export interface CartView { lines: CartLine[]; total: number; currency: string }
export interface OrderLine { cohortId: string; courseId: string; courseTitle: string; price: number }
export interface OrderView {
  id: string; paymentId: string; orderName: string; amount: number; currency: string;
  status: 'PENDING' | 'PAID' | 'FAILED' | 'TAMPERED' | 'CANCELLED'; createdAt: string; paidAt: string | null;
  receiptUrl: string | null; lines: OrderLine[];
}
export interface RefundQuote { amount: number; method: string; explanation: string }
export interface RefundView {
  id: string; orderId: string; cohortId: string; accountId: string; amount: number; method: string; explanation: string; reason: string;
  status: string; requestedAt: string; decidedAt: string | null; completedAt: string | null; receiptUrl: string | null;
}

export const billing = {
  cart: () => get<CartView>('/api/v1/billing/cart'),
  addToCart: (cohortId: string) => post<CartView>('/api/v1/billing/cart/lines', { cohortId }),
  removeFromCart: (cohortId: string) => del<CartView>(`/api/v1/billing/cart/lines/${cohortId}`),
  placeOrder: () => post<OrderView>('/api/v1/billing/orders', {}),
  orders: () => get<OrderView[]>('/api/v1/billing/orders'),
  order: (id: string) => get<OrderView>(`/api/v1/billing/orders/${id}`),
  complete: (id: string, paymentId: string) => post<OrderView>(`/api/v1/billing/orders/${id}/complete`, { paymentId }),
  receiptPath: (id: string) => `/api/v1/billing/orders/${id}/receipt`,
  quote: (orderId: string, cohortId: string) => get<RefundQuote>(`/api/v1/billing/orders/${orderId}/lines/${cohortId}/refund-quote`),
  requestRefund: (orderId: string, cohortId: string, reason: string) =>
    post<RefundView>('/api/v1/billing/refunds', { orderId, cohortId, reason }),
  refunds: () => get<RefundView[]>('/api/v1/billing/refunds'),
  /** The sandbox adapter's stand-in for PortOne's browser SDK (local runs only). */
  sandboxPay: (paymentId: string, totalAmount: number, currency: string, fail = false) =>
    post<{ paymentId: string; status: string; totalAmount: number | null }>(`/api/v1/billing/sandbox/payments/${encodeURIComponent(paymentId)}`,
      { totalAmount, currency, fail }),
};

export interface RevenueRow {
  month: string; courseId: string; courseTitle: string; gross: number; refunds: number; net: number;
  previousYearNet: number; yoyPercent: number | null;
}

export const billingAdmin = {
  refunds: (overdue: boolean) => get<RefundView[]>(`/api/v1/admin/billing/refunds?overdue=${overdue}`),
  approve: (id: string) => post<RefundView>(`/api/v1/admin/billing/refunds/${id}/approve`, {}),
  reject: (id: string, reason: string) => post<RefundView>(`/api/v1/admin/billing/refunds/${id}/reject`, { reason }),
  revenue: (year: number) => get<RevenueRow[]>(`/api/v1/admin/billing/revenue?year=${year}`),
};

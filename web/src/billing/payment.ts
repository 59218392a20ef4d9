// How the browser pays. Production: PortOne's browser SDK (V2) loaded on demand from cdn.portone.io, with
// the store and channel from the build (VITE_PORTONE_STORE_ID, VITE_PORTONE_CHANNEL_KEY — public
// identifiers, not secrets). Without them the build pays through billing-service's sandbox adapter
// (`POST /api/v1/billing/sandbox/payments/{paymentId}`), which is what the local suite runs. Either way
// the server verifies the payment (`…/orders/{id}/complete`); the browser's word is never trusted.
import { billing, type OrderView } from '../api/billing';

const storeId = import.meta.env.VITE_PORTONE_STORE_ID as string | undefined;
const channelKey = import.meta.env.VITE_PORTONE_CHANNEL_KEY as string | undefined;
export const paymentMode: 'portone' | 'sandbox' = storeId && channelKey ? 'portone' : 'sandbox';

const SDK = 'https://cdn.portone.io/v2/browser-sdk.js';

interface PortOneResponse { code?: string; message?: string; paymentId?: string }
interface PortOneSdk { requestPayment: (request: Record<string, unknown>) => Promise<PortOneResponse | undefined> }

let loading: Promise<PortOneSdk> | null = null;
function loadSdk(): Promise<PortOneSdk> {
  if (!loading) {
    loading = new Promise((resolve, reject) => {
      const script = document.createElement('script');
      script.src = SDK;
      script.async = true;
      script.onload = () => {
        const sdk = (window as unknown as { PortOne?: PortOneSdk }).PortOne;
        if (sdk) resolve(sdk); else reject(new Error('PortOne SDK did not load'));
      };
      script.onerror = () => { loading = null; reject(new Error('PortOne SDK unreachable')); };
      document.head.appendChild(script);
    });
  }
  return loading;
}

export class PaymentCancelled extends Error {}

/** PortOne's payment window; resolves when PortOne says it is done (the server then verifies). */
export async function payWithPortOne(order: OrderView): Promise<void> {
  const sdk = await loadSdk();
  const response = await sdk.requestPayment({
    storeId, channelKey, paymentId: order.paymentId, orderName: order.orderName, totalAmount: order.amount,
    currency: order.currency, payMethod: 'CARD', redirectUrl: `${window.location.origin}/checkout/${order.id}`,
  });
  if (response?.code) throw new PaymentCancelled(response.message ?? response.code);
}

/** The sandbox's stand-in for PortOne's window: approve (or fail) the order's exact amount. */
export async function payInSandbox(order: OrderView, fail: boolean): Promise<void> {
  await billing.sandboxPay(order.paymentId, order.amount, order.currency, fail);
}

export function formatWon(amount: number, lang: string): string {
  return new Intl.NumberFormat(lang === 'ko' ? 'ko-KR' : 'en-GB', { style: 'currency', currency: 'KRW' }).format(amount);
}

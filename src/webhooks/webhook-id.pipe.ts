import { PathIdPipe } from '../common';

export const WebhookIdPipe = new PathIdPipe('webhookId');
export const DeliveryIdPipe = new PathIdPipe('deliveryId');

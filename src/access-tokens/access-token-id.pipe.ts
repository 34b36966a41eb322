import { PathIdPipe } from '../common';

export const AccessTokenIdPipe = new PathIdPipe('tokenId');

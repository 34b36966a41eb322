/** The erasure module's public surface. */
export { ErasureModule } from './erasure.module';

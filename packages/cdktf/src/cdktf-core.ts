/**
 * The cdktf classes this package uses, through deep imports (never the `cdktf` or `@cdktf/provider-aws` roots).
 * Load order matters: cdktf's deep modules have import cycles that resolve only when `terraform-stack` loads
 * first (requiring e.g. `cdktf/lib/_tokens` first fails with "Class extends value undefined"). Every file of this
 * package imports cdktf through here.
 */
import { TerraformStack } from 'cdktf/lib/terraform-stack';

export { resolve } from 'cdktf/lib/_tokens';
export { AnnotationMetadataEntryType, DISABLE_STACK_TRACE_IN_METADATA } from 'cdktf/lib/annotations';
export { App } from 'cdktf/lib/app';
export { LocalBackend } from 'cdktf/lib/backends/local-backend';
export { S3Backend } from 'cdktf/lib/backends/s3-backend';
export { TerraformElement } from 'cdktf/lib/terraform-element';
export { TerraformOutput } from 'cdktf/lib/terraform-output';
export type { TerraformProvider } from 'cdktf/lib/terraform-provider';
export type { TerraformResource } from 'cdktf/lib/terraform-resource';
export { Token, Tokenization } from 'cdktf/lib/tokens/token';
export { deepMerge } from 'cdktf/lib/util';
export { TerraformStack };

export { ClickHouseRoleArnField, WHERE_TO_FIND_THE_ROLE_ARN } from './ClickHouseRoleArnField';
export { type ClickHouseRoleArnFieldProps, ClickHouseRoleArnFieldSchema } from './schema';
export { clickHouseRoleArnValidation } from './validation';

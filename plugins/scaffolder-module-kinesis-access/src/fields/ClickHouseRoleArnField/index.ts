export { ClickHouseRoleArnField, WHERE_TO_FIND_THE_ROLE_ARN } from './ClickHouseRoleArnField';
export { ClickHouseRoleArnFieldSchema, type ClickHouseRoleArnFieldProps } from './schema';
export { clickHouseRoleArnValidation } from './validation';

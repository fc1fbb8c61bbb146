import FormControl from '@material-ui/core/FormControl';
import FormHelperText from '@material-ui/core/FormHelperText';
import TextField from '@material-ui/core/TextField';
import { useState } from 'react';
import { useFieldProblems } from '../../change/useFormAnalysis';
import { liveMessages } from '../liveMessages';
import type { ClickHouseRoleArnFieldProps } from './schema';

/** Where ClickHouse Cloud shows the service role (shared/reference 001, "Obtaining the ClickHouse service IAM role Arn"). */
export const WHERE_TO_FIND_THE_ROLE_ARN =
  'Find it in ClickHouse Cloud: open your service → Settings → "Network security information" → copy ' +
  '"Service role ID (IAM)". It looks like arn:aws:iam::123456789012:role/…';

/**
 * Text field for the ClickHouse Cloud service role ARN (`clickhouseRoleArn`). Shows the policy model's
 * messages for `spec.principal.roleArn` as the person types, and explains where to find the ARN. With
 * `ui:options: { mode: change }` it is the change template's new role, checked against the current grant.
 */
export function ClickHouseRoleArnField(props: ClickHouseRoleArnFieldProps) {
  const { formData, onChange, onBlur, rawErrors, required, disabled, readonly, schema, uiSchema, idSchema } =
    props;
  const id = idSchema?.$id ?? 'clickhouseRoleArn';
  const value = typeof formData === 'string' ? formData : '';
  const [touched, setTouched] = useState(false);

  const live = useFieldProblems(props, 'roleArn').map((p) => p.message);
  const showLive = touched || value !== '';
  const messages = liveMessages({ live, showLive, rawErrors });
  // Red while the model finds a problem in what is typed; before that, while the last submit reported one.
  const hasErrors = showLive ? live.length > 0 : (rawErrors?.length ?? 0) > 0;
  const help = uiSchema?.['ui:help'];

  return (
    <FormControl fullWidth margin="dense" error={hasErrors} required={required}>
      <TextField
        id={id}
        label={schema?.title ?? 'ClickHouse service role ARN'}
        placeholder={uiSchema?.['ui:placeholder'] ?? 'arn:aws:iam::123456789012:role/ClickHouse-Service-Role'}
        value={value}
        required={required}
        disabled={disabled || readonly}
        error={hasErrors}
        inputProps={{ spellCheck: false, 'aria-describedby': `${id}-errors` }}
        onChange={(event) => {
          onChange(event.target.value === '' ? undefined : event.target.value);
        }}
        onBlur={() => {
          setTouched(true);
          onBlur?.(id, value);
        }}
      />
      <div
        id={`${id}-errors`}
        data-testid="clickhouse-role-arn-errors"
        role={messages.length > 0 ? 'alert' : undefined}
      >
        {messages.map((message) => (
          <FormHelperText key={message} error>
            {message}
          </FormHelperText>
        ))}
      </div>
      {schema?.description ? <FormHelperText error={false}>{schema.description}</FormHelperText> : null}
      {/* The scaffolder shows `ui:help` under the field; without it, say where the ARN is. */}
      {help ? null : (
        <FormHelperText id={`${id}-hint`} error={false}>
          {WHERE_TO_FIND_THE_ROLE_ARN}
        </FormHelperText>
      )}
    </FormControl>
  );
}

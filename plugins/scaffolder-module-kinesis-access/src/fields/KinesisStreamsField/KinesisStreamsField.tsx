import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import FormControl from '@material-ui/core/FormControl';
import FormHelperText from '@material-ui/core/FormHelperText';
import FormLabel from '@material-ui/core/FormLabel';
import TextField from '@material-ui/core/TextField';
import { type ReactNode, useState } from 'react';
import { FIELDS, formOf } from '../../analysis';
import { useFieldProblems } from '../../change/useFormAnalysis';
import { type KinesisStreamInput, streamRowOfPath } from '../../grantInput';
import { liveMessages } from '../liveMessages';
import type { KinesisStreamsFieldProps, KinesisStreamsFieldSchema } from './schema';
import { labelStreamProblem } from './validation';

type Column = 'arn' | 'kmsKeyArn';

function rowHasContent(row: KinesisStreamInput | undefined): boolean {
  return Boolean(row && ((row.arn ?? '') !== '' || (row.kmsKeyArn ?? '') !== ''));
}

/** A stream row as the form stores it: blank cells are left out. */
function cleanRow(row: KinesisStreamInput): KinesisStreamInput {
  const out: { arn?: string; kmsKeyArn?: string } = {};
  if (row.arn !== undefined && row.arn !== '') out.arn = row.arn;
  if (row.kmsKeyArn !== undefined && row.kmsKeyArn !== '') out.kmsKeyArn = row.kmsKeyArn;
  return out;
}

/** One cell of a stream row: a text field with the model's messages about it, and anything else below it. */
function StreamCell(props: {
  readonly id: string;
  readonly label: string;
  readonly placeholder: string;
  readonly value: string | undefined;
  readonly required?: boolean;
  readonly disabled?: boolean;
  readonly messages: readonly string[];
  readonly onChange: (value: string) => void;
  readonly onBlur: () => void;
  readonly children?: ReactNode;
}) {
  return (
    <Box flex={3} mr={1}>
      <TextField
        id={props.id}
        label={props.label}
        placeholder={props.placeholder}
        value={props.value ?? ''}
        required={props.required}
        fullWidth
        disabled={props.disabled}
        error={props.messages.length > 0}
        helperText={props.messages.length > 0 ? props.messages.join(' ') : undefined}
        inputProps={{ spellCheck: false }}
        onChange={(event) => props.onChange(event.target.value)}
        onBlur={props.onBlur}
      />
      {props.children}
    </Box>
  );
}

/**
 * The `streams` list: one row per Kinesis stream (ARN, optional KMS key ARN), with the policy model's messages
 * shown on the row and cell they belong to (`spec.streams[i].arn`, `spec.streams[i].kmsKeyArn`). With
 * `ui:options: { mode: change }` it is the change template's `addStreams`, checked against the current grant.
 */
export function KinesisStreamsField(props: KinesisStreamsFieldProps) {
  const { formData, onChange, rawErrors, required, disabled, readonly, schema, uiSchema, idSchema } = props;
  const id = idSchema?.$id ?? 'streams';
  const stored: readonly KinesisStreamInput[] = Array.isArray(formData) ? formData : [];
  const rows: readonly KinesisStreamInput[] = stored.length > 0 ? stored : [{}];
  const [touchedRows, setTouchedRows] = useState<ReadonlySet<number>>(new Set());
  const locked = disabled || readonly;

  const streamsPath = FIELDS[formOf(uiSchema)].streams.problemPath;
  const problems = useFieldProblems(
    { ...props, formData: Array.isArray(formData) ? formData : undefined },
    'streams',
  );
  const rowOf = (path: string) => streamRowOfPath(path, streamsPath);
  // After a submit with errors every row shows its problems, typed in or not.
  const afterSubmit = (rawErrors?.length ?? 0) > 0;

  const showRow = (index: number) => afterSubmit || touchedRows.has(index) || rowHasContent(rows[index]);
  const cellMessages = (index: number, column: Column) =>
    showRow(index)
      ? problems.filter((p) => {
          const where = rowOf(p.path);
          return where?.index === index && where.column === column;
        })
      : [];
  const rowMessages = (index: number) =>
    showRow(index)
      ? problems.filter((p) => {
          const where = rowOf(p.path);
          return where?.index === index && where.column !== 'arn' && where.column !== 'kmsKeyArn';
        })
      : [];

  // Problems of the list as a whole (e.g. no stream, streams in different accounts) go under the list.
  const listMessages = liveMessages({
    live: problems.filter((p) => !rowOf(p.path)).map((p) => labelStreamProblem(p, streamsPath)),
    showLive: afterSubmit || touchedRows.size > 0 || rows.some(rowHasContent),
    rawErrors,
  });

  const update = (next: readonly KinesisStreamInput[]) => {
    const cleaned = next.map(cleanRow);
    // Rows being typed may lack an ARN; the model reports that on the row.
    const value = cleaned as typeof KinesisStreamsFieldSchema.TOutput;
    onChange(cleaned.length === 1 && !rowHasContent(cleaned[0]) ? undefined : value);
  };
  const setCell = (index: number, column: Column, value: string) =>
    update(rows.map((row, i) => (i === index ? { ...row, [column]: value } : row)));
  const touch = (index: number) => setTouchedRows((current) => new Set(current).add(index));

  return (
    <FormControl
      component="fieldset"
      fullWidth
      margin="dense"
      required={required}
      error={listMessages.length > 0}
    >
      <FormLabel component="legend">{schema?.title ?? 'Kinesis data streams'}</FormLabel>
      {schema?.description ? <FormHelperText error={false}>{schema.description}</FormHelperText> : null}
      {rows.map((row, index) => {
        const arnMessages = cellMessages(index, 'arn').map((p) => p.message);
        const kmsMessages = cellMessages(index, 'kmsKeyArn').map((p) => p.message);
        const others = rowMessages(index).map((p) => p.message);
        return (
          // Rows have no identity besides their position; the position is what the model's paths use too.
          // biome-ignore lint/suspicious/noArrayIndexKey: see above
          <Box key={index} display="flex" alignItems="flex-start" data-testid={`stream-row-${index}`} mt={1}>
            <StreamCell
              id={`${id}-${index}-arn`}
              label={`Stream ${index + 1} ARN`}
              placeholder="arn:aws:kinesis:us-east-1:123456789012:stream/orders"
              value={row.arn}
              required
              disabled={locked}
              messages={arnMessages}
              onChange={(value) => setCell(index, 'arn', value)}
              onBlur={() => touch(index)}
            />
            <StreamCell
              id={`${id}-${index}-kmsKeyArn`}
              label={`Stream ${index + 1} KMS key ARN (encrypted streams only)`}
              placeholder="arn:aws:kms:us-east-1:123456789012:key/…"
              value={row.kmsKeyArn}
              disabled={locked}
              messages={kmsMessages}
              onChange={(value) => setCell(index, 'kmsKeyArn', value)}
              onBlur={() => touch(index)}
            >
              {others.map((message) => (
                <FormHelperText key={message} error>
                  {message}
                </FormHelperText>
              ))}
            </StreamCell>
            <Button
              aria-label={`Remove stream ${index + 1}`}
              disabled={locked || rows.length < 2}
              onClick={() => update(rows.filter((_, i) => i !== index))}
            >
              Remove
            </Button>
          </Box>
        );
      })}
      <Box mt={1}>
        <Button variant="outlined" size="small" disabled={locked} onClick={() => update([...rows, {}])}>
          Add stream
        </Button>
      </Box>
      <div data-testid="streams-errors" role={listMessages.length > 0 ? 'alert' : undefined}>
        {listMessages.map((message) => (
          <FormHelperText key={message} error>
            {message}
          </FormHelperText>
        ))}
      </div>
    </FormControl>
  );
}

import { MarkdownContent } from '@backstage/core-components';
import { canonicalJson, type PolicyDocument, type QuotaUse } from '@kinesis-access/policy-model';
import Box from '@material-ui/core/Box';
import FormControl from '@material-ui/core/FormControl';
import FormHelperText from '@material-ui/core/FormHelperText';
import Grid from '@material-ui/core/Grid';
import LinearProgress from '@material-ui/core/LinearProgress';
import { makeStyles } from '@material-ui/core/styles';
import Typography from '@material-ui/core/Typography';
import { type ReactNode, useEffect } from 'react';
import type { GrantAnalysis } from '../../analysis';
import { useFormAnalysis } from '../../change/useFormAnalysis';
import type { KinesisAccessPreviewProps } from './schema';
import { previewMessages } from './validation';

const preStyle = {
  margin: 0,
  padding: 8,
  overflowX: 'auto',
  fontSize: 12,
  lineHeight: 1.4,
  background: 'rgba(127, 127, 127, 0.08)',
  borderRadius: 4,
} as const;

const useStyles = makeStyles((theme) => ({
  // The summary is a whole Markdown document; inside the form its headings should not outshout the form's own.
  summary: {
    '& h1': { fontSize: theme.typography.h6.fontSize, marginTop: 0 },
    '& h2': { fontSize: theme.typography.subtitle1.fontSize, fontWeight: 600 },
    '& h3': { fontSize: theme.typography.body1.fontSize },
  },
}));

function Section(props: { readonly title: string; readonly testId: string; readonly children: ReactNode }) {
  return (
    <Box component="section" mt={2} data-testid={props.testId}>
      <Typography variant="subtitle2" component="h3" gutterBottom>
        {props.title}
      </Typography>
      {props.children}
    </Box>
  );
}

function PolicyJson(props: { readonly document: PolicyDocument; readonly label: string }) {
  return (
    <figure aria-label={props.label} style={{ margin: 0 }}>
      <pre style={preStyle}>{canonicalJson(props.document)}</pre>
    </figure>
  );
}

function QuotaRow(props: { readonly quota: QuotaUse }) {
  const { name, used, limit } = props.quota;
  const percent = limit > 0 ? Math.min(100, (used / limit) * 100) : 100;
  return (
    <Box mb={1} data-testid="quota">
      <Typography variant="body2">
        {name}: {used.toLocaleString('en-US')} of {limit.toLocaleString('en-US')}
      </Typography>
      <LinearProgress
        variant="determinate"
        value={percent}
        color={percent >= 90 ? 'secondary' : 'primary'}
        aria-label={`${name} quota use`}
      />
    </Box>
  );
}

/** Policies under their name (a managed policy's name, or the stream a resource policy is on). */
function NamedPolicies(props: {
  readonly policies: readonly { readonly name: string; readonly document: PolicyDocument }[];
  readonly labelPrefix: string;
}) {
  return (
    <>
      {props.policies.map((policy) => (
        <Box key={policy.name} mb={1}>
          <Typography variant="body2" component="h4">
            {policy.name}
          </Typography>
          <PolicyJson document={policy.document} label={`${props.labelPrefix} ${policy.name}`} />
        </Box>
      ))}
    </>
  );
}

/** What the (changed) grant creates: role, quotas, warnings, policies, and the review summary. */
function PlanView(props: { readonly analysis: Extract<GrantAnalysis, { ok: true }> }) {
  const { analysis } = props;
  const classes = useStyles();
  return (
    <Grid container spacing={3}>
      <Grid item xs={12} md={6}>
        <Section title="IAM role" testId="preview-role">
          <Typography variant="body2">
            <strong>{analysis.plan.role.name}</strong> ({analysis.plan.role.arn})
          </Typography>
        </Section>
        <Section title="Quota use" testId="preview-quotas">
          {analysis.plan.quotas.map((quota) => (
            <QuotaRow key={quota.name} quota={quota} />
          ))}
        </Section>
        {analysis.plan.warnings.length > 0 ? (
          <Section title="Warnings" testId="preview-warnings">
            {analysis.plan.warnings.map((warning) => (
              <Typography key={warning} variant="body2" color="secondary">
                {warning}
              </Typography>
            ))}
          </Section>
        ) : null}
        <Section title="Trust policy" testId="preview-trust-policy">
          <PolicyJson document={analysis.rendered.trustPolicy} label="Trust policy" />
        </Section>
        <Section title="Permission policies" testId="preview-permission-policies">
          <NamedPolicies
            policies={analysis.rendered.policies.map((p) => ({ name: p.name, document: p.document }))}
            labelPrefix="Permission policy"
          />
        </Section>
        {analysis.rendered.resourcePolicies.length > 0 ? (
          <Section title="Stream resource policies" testId="preview-resource-policies">
            <NamedPolicies
              policies={analysis.rendered.resourcePolicies.map((p) => ({
                name: p.resourceArn,
                document: p.document,
              }))}
              labelPrefix="Resource policy"
            />
          </Section>
        ) : null}
      </Grid>
      <Grid item xs={12} md={6}>
        <Section title="Review summary" testId="preview-summary">
          <MarkdownContent className={classes.summary} content={analysis.summary} dialect="gfm" />
        </Section>
      </Grid>
    </Grid>
  );
}

/**
 * Read-only preview of what the grant creates, rendered live from the whole form's data
 * (`formContext.formData`) by the policy model: trust policy, permission policies, resource policies, quota use,
 * warnings and the review summary — or the model's problems while the grant is not valid.
 *
 * With `ui:options: { mode: change }` (the "Change Kinesis access" template) it reads the current grant from the
 * backend, applies the form's change to it, and shows first what the role gains and loses (the access diff the
 * pull request will carry), then what the changed grant creates.
 *
 * Its own value is the ARN of the role the grant will create (empty while the grant is invalid), so the
 * scaffolder runs its validator, which blocks the step on problems no other field shows.
 */
export function KinesisAccessPreview(props: KinesisAccessPreviewProps) {
  const { formContext, formData, onChange, schema, uiSchema, idSchema } = props;
  const id = idSchema?.$id ?? 'preview';
  const form = useFormAnalysis(uiSchema, formContext?.formData ?? {});
  const analysis = form.status === 'ready' ? form.analysis : undefined;
  const roleArn = analysis?.ok ? analysis.plan.role.arn : '';
  const classes = useStyles();

  useEffect(() => {
    if (formData !== roleArn) onChange(roleArn);
  }, [formData, roleArn, onChange]);

  let body: ReactNode;
  if (form.status === 'waiting' && form.current.status === 'loading') {
    body = (
      <Section title="Reading the current grant" testId="preview-loading">
        <LinearProgress aria-label="Reading the current grant" />
      </Section>
    );
  } else if (analysis?.ok) {
    body = (
      <>
        {analysis.accessDiff === undefined ? null : (
          <Section title="Against the grant in the repository" testId="preview-access-diff">
            <MarkdownContent className={classes.summary} content={analysis.accessDiff} dialect="gfm" />
          </Section>
        )}
        <PlanView analysis={analysis} />
      </>
    );
  } else {
    body = (
      <Section title="Not valid yet" testId="preview-problems">
        <div role="alert">
          {previewMessages(form).map((text) => (
            <FormHelperText key={text} error>
              {text}
            </FormHelperText>
          ))}
        </div>
      </Section>
    );
  }

  return (
    <FormControl component="fieldset" fullWidth margin="normal" id={id} data-testid="kinesis-access-preview">
      <Typography variant="h6" component="legend">
        {schema?.title ?? 'What this grant creates'}
      </Typography>
      {schema?.description ? <FormHelperText>{schema.description}</FormHelperText> : null}
      {body}
    </FormControl>
  );
}

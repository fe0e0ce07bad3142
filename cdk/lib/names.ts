import { Aws } from 'aws-cdk-lib';

/**
 * Physical names of the resources other stacks grant access to: written here once and used by both
 * sides, so grants in the stateless stack name the resources directly (no cross-stack export inside an
 * IAM policy). Account and region make the bucket names globally unique.
 */
export const physicalNames = (stage: string) => ({
  table: `taskwire-${stage}`,
  attachmentsBucket: `taskwire-${stage}-attachments-${Aws.ACCOUNT_ID}-${Aws.REGION}`,
  webBucket: `taskwire-${stage}-web-${Aws.ACCOUNT_ID}-${Aws.REGION}`,
});


/** A physical name as cdk-nag prints it in a finding (pseudo parameters as `<AWS::AccountId>`). */
export function nagName(name: string): string {
  return name.replace(/\$\{Token\[AWS\.AccountId\.\d+\]\}/g, '<AWS::AccountId>').replace(/\$\{Token\[AWS\.Region\.\d+\]\}/g, '<AWS::Region>');
}

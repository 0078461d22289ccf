// Filler in a search query: words that say how a person asks, not what about
// ("how do i", "what is", "X vs Y"). They are dropped unless nothing else is left.
export const QUERY_FILLER: ReadonlySet<string> = new Set(
  `a an the and or nor of to in on at for with by from about into onto between is are was were be been being am do does did
  doing done how what whats when where why which who whom whose can could should would will shall may might must i im me my
  we our us you your it its this that these those there their they them he she his her vs versus v ve ll re s t
  than there's it's what's how's tell please some any`
    .split(/\s+/)
    .filter(Boolean),
);

/**
 * Words that name the same thing, each set read both ways: a query naming
 * one finds questions written with another. Phrases are matched word by word.
 */
export const ALIAS_SETS: readonly (readonly string[])[] = [
  ['hpa', 'horizontal pod autoscaler'],
  ['vm', 'virtual machine'],
  ['vms', 'virtual machines'],
  ['k8s', 'kubernetes'],
  ['kfp', 'kubeflow pipelines'],
  ['kserve', 'kfserving'],
  ['wb', 'wandb', 'weights and biases'],
  ['app', 'application'],
  ['apps', 'applications'],
  ['repo', 'repository'],
  ['repos', 'repositories'],
  ['dir', 'directory'],
  ['db', 'database'],
  ['env', 'environment'],
  ['config', 'configuration'],
  ['auth', 'authentication'],
  ['ml', 'machine learning'],
  ['ai', 'artificial intelligence'],
  ['llm', 'large language model'],
  ['vcs', 'version control system'],
  ['dvcs', 'distributed version control system'],
  ['oci', 'open container initiative'],
  ['rbac', 'role based access control'],
  ['mtls', 'mutual tls'],
  ['gke', 'google kubernetes engine'],
  ['eks', 'elastic kubernetes service'],
  ['aks', 'azure kubernetes service'],
  ['gcp', 'google cloud'],
  ['aws', 'amazon web services'],
  ['sdk', 'software development kit'],
  ['crd', 'custom resource definition'],
  ['dag', 'directed acyclic graph'],
  ['hpo', 'hyperparameter tuning'],
  ['automl', 'automated machine learning'],
  ['gpu', 'graphics processing unit'],
  ['cli', 'command line'],
  ['ui', 'user interface'],
  ['pr', 'pull request'],
  ['cicd', 'continuous integration'],
  ['rollback', 'roll back'],
  ['remove', 'delete'],
];

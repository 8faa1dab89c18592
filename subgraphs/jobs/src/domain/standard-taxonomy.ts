/** A category of the standard taxonomy, with its subcategories. */
export interface StandardCategory {
  readonly name: string;
  readonly description?: string;
  readonly children?: readonly StandardCategory[];
}

/** Raise it when the lists below grow, so that tenants loaded with an older version get the additions. */
export const standardTaxonomyVersion = 1;

/** The categories every new tenant starts with. Slugs are made from the names. */
export const standardCategories: readonly StandardCategory[] = [
  {
    name: 'Software Engineering',
    description: 'Building and running software.',
    children: [
      { name: 'Backend Development' },
      { name: 'Frontend Development' },
      { name: 'Mobile Development' },
      { name: 'DevOps and Infrastructure' },
      { name: 'Quality Assurance' },
      { name: 'Security Engineering' },
    ],
  },
  {
    name: 'Data',
    description: 'Analysing data and building models from it.',
    children: [{ name: 'Data Analysis' }, { name: 'Data Engineering' }, { name: 'Machine Learning' }],
  },
  {
    name: 'Design',
    children: [{ name: 'Product Design' }, { name: 'Graphic Design' }, { name: 'User Research' }],
  },
  {
    name: 'Product and Project Management',
    children: [{ name: 'Product Management' }, { name: 'Project Management' }],
  },
  {
    name: 'Sales and Marketing',
    children: [{ name: 'Sales' }, { name: 'Marketing' }, { name: 'Customer Success' }],
  },
  {
    name: 'Operations and Logistics',
    children: [{ name: 'Warehousing' }, { name: 'Transport' }, { name: 'Supply Chain' }],
  },
  {
    name: 'Finance and Administration',
    children: [{ name: 'Accounting' }, { name: 'Human Resources' }, { name: 'Legal' }],
  },
  {
    name: 'Healthcare',
    children: [{ name: 'Nursing' }, { name: 'Clinical Support' }, { name: 'Pharmacy' }],
  },
  { name: 'Education and Training' },
  { name: 'Hospitality and Retail' },
];

/** The skills every new tenant starts with; employers add their own with `createSkill`. */
export const standardSkills: readonly string[] = [
  'TypeScript',
  'JavaScript',
  'Node.js',
  'React',
  'GraphQL',
  'PostgreSQL',
  'SQL',
  'Python',
  'Java',
  'Kotlin',
  'Go',
  'Rust',
  'C#',
  'C++',
  'Swift',
  'Docker',
  'Kubernetes',
  'AWS',
  'Terraform',
  'Linux',
  'Git',
  'Figma',
  'User Research',
  'Data Analysis',
  'Machine Learning',
  'Excel',
  'Project Management',
  'Agile',
  'Communication',
  'Customer Service',
  'Sales',
  'Accounting',
  'Forklift Operation',
  'Inventory Management',
  'First Aid',
  'English',
  'German',
  'Spanish',
  'French',
  'Portuguese',
];

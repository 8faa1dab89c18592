/**
 * Readable names for the agencies of the NYC Jobs data set, which spells them
 * in upper case, abbreviated and sometimes cut at 30 characters.
 */
export const nycAgencyNames: Readonly<Record<string, string>> = {
  "ADMIN FOR CHILDREN'S SVCS": "Administration for Children's Services",
  'ADMIN TRIALS AND HEARINGS': 'Office of Administrative Trials and Hearings',
  'BOARD OF CORRECTION': 'Board of Correction',
  'BUSINESS INTEGRITY COMMISSION': 'Business Integrity Commission',
  'CIVILIAN COMPLAINT REVIEW BD': 'Civilian Complaint Review Board',
  'CONFLICTS OF INTEREST BOARD': 'Conflicts of Interest Board',
  'CONSUMER AFFAIRS': 'Department of Consumer Affairs',
  'DEPARTMENT FOR THE AGING': 'Department for the Aging',
  'DEPARTMENT OF BUILDINGS': 'Department of Buildings',
  'DEPARTMENT OF BUSINESS SERV.': 'Department of Small Business Services',
  'DEPARTMENT OF CITY PLANNING': 'Department of City Planning',
  'DEPARTMENT OF CORRECTION': 'Department of Correction',
  'DEPARTMENT OF FINANCE': 'Department of Finance',
  'DEPARTMENT OF INVESTIGATION': 'Department of Investigation',
  'DEPARTMENT OF PROBATION': 'Department of Probation',
  'DEPARTMENT OF SANITATION': 'Department of Sanitation',
  'DEPARTMENT OF TRANSPORTATION': 'Department of Transportation',
  'DEPT OF CITYWIDE ADMIN SVCS': 'Department of Citywide Administrative Services',
  'DEPT OF DESIGN & CONSTRUCTION': 'Department of Design & Construction',
  'DEPT OF ENVIRONMENT PROTECTION': 'Department of Environmental Protection',
  'DEPT OF HEALTH/MENTAL HYGIENE': 'Department of Health and Mental Hygiene',
  'DEPT OF INFO TECH & TELECOMM': 'Department of Information Technology & Telecommunications',
  'DEPT OF PARKS & RECREATION': 'Department of Parks & Recreation',
  'DEPT OF YOUTH & COMM DEV SRVS': 'Department of Youth & Community Development',
  'DEPT. OF HOMELESS SERVICES': 'Department of Homeless Services',
  'DISTRICT ATTORNEY KINGS COUNTY': 'District Attorney, Kings County',
  'DISTRICT ATTORNEY RICHMOND COU': 'District Attorney, Richmond County',
  'EQUAL EMPLOY PRACTICES COMM': 'Equal Employment Practices Commission',
  'FINANCIAL INFO SVCS AGENCY': 'Financial Information Services Agency',
  'FIRE DEPARTMENT': 'Fire Department',
  'HOUSING PRESERVATION & DVLPMNT': 'Department of Housing Preservation & Development',
  'HRA/DEPT OF SOCIAL SERVICES': 'Human Resources Administration / Department of Social Services',
  'HUMAN RIGHTS COMMISSION': 'Commission on Human Rights',
  'LANDMARKS PRESERVATION COMM': 'Landmarks Preservation Commission',
  'LAW DEPARTMENT': 'Law Department',
  'MANHATTAN COMMUNITY BOARD #8': 'Manhattan Community Board 8',
  'MAYORS OFFICE OF CONTRACT SVCS': "Mayor's Office of Contract Services",
  'MUNICIPAL WATER FIN AUTHORITY': 'Municipal Water Finance Authority',
  "NYC DEPT OF VETERANS' SERVICES": "Department of Veterans' Services",
  'NYC EMPLOYEES RETIREMENT SYS': 'NYC Employees’ Retirement System',
  'NYC HOUSING AUTHORITY': 'NYC Housing Authority',
  'NYC POLICE PENSION FUND': 'NYC Police Pension Fund',
  'OFF OF PAYROLL ADMINISTRATION': 'Office of Payroll Administration',
  'OFFICE OF COLLECTIVE BARGAININ': 'Office of Collective Bargaining',
  'OFFICE OF EMERGENCY MANAGEMENT': 'Office of Emergency Management',
  'OFFICE OF MANAGEMENT & BUDGET': 'Office of Management & Budget',
  'OFFICE OF THE ACTUARY': 'Office of the Actuary',
  'OFFICE OF THE COMPTROLLER': 'Office of the Comptroller',
  'POLICE DEPARTMENT': 'Police Department',
  'PRESIDENT BOROUGH OF MANHATTAN': 'Manhattan Borough President',
  'PUBLIC ADMINISTRATOR-NEW YORK': 'Public Administrator of New York County',
  'TAX COMMISSION': 'Tax Commission',
  'TAXI & LIMOUSINE COMMISSION': 'Taxi & Limousine Commission',
  'TEACHERS RETIREMENT SYSTEM': 'Teachers’ Retirement System',
};

const abbreviations: Readonly<Record<string, string>> = {
  DEPT: 'Department', 'DEPT.': 'Department', SVCS: 'Services', SRVS: 'Services', 'SERV.': 'Services', ADMIN: 'Administration',
  COMM: 'Commission', BD: 'Board', SYS: 'System', FIN: 'Finance', INFO: 'Information', TECH: 'Technology', OFF: 'Office',
  DVLPMNT: 'Development', DEV: 'Development', EMPLOY: 'Employment',
};
const keptUpperCase = new Set(['NYC', 'HRA', 'NYPD', 'FDNY', 'DOT', 'DEP']);
const minorWords = new Set(['of', 'for', 'the', 'and', 'on', 'in', 'at', 'to']);

/**
 * Returns a readable company name for an NYC agency: the known name when the
 * agency is in the table, else the upper-case name with common abbreviations
 * expanded and put in title case.
 */
export function nycAgencyName(agency: string): string {
  const trimmed = agency.trim();
  const known = nycAgencyNames[trimmed];
  if (known) return known;
  return trimmed
    .split(/\s+/)
    .map((word, index) => {
      if (keptUpperCase.has(word)) return word;
      const expanded = abbreviations[word];
      if (expanded) return expanded;
      const lower = word.toLowerCase();
      if (index > 0 && minorWords.has(lower)) return lower;
      return lower.replace(/(^|[/(-])(\p{L})/gu, (_match, before: string, letter: string) => before + letter.toUpperCase());
    })
    .join(' ');
}

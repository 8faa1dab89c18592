import { sql, type Kysely } from 'kysely';
import { enableTenantIsolation } from '@jobgraph/kit';

export async function up(db: Kysely<unknown>): Promise<void> {
  // Null for accounts made before passwords existed; such an account cannot log in until it gets one.
  await db.schema.alterTable('users').addColumn('password_hash', 'text').execute();

  // One row per refresh token. The tokens of one login share a family; reusing a rotated token revokes the family.
  await db.schema
    .createTable('refresh_tokens')
    .addColumn('tenant_id', 'uuid', (column) => column.notNull().references('tenants.id'))
    .addColumn('id', 'uuid', (column) => column.notNull())
    .addColumn('family_id', 'uuid', (column) => column.notNull())
    .addColumn('user_id', 'uuid', (column) => column.notNull())
    // SHA-256 of the token's secret part, hex: the token is 256 random bits, so a fast hash is enough.
    .addColumn('token_hash', 'text', (column) => column.notNull())
    .addColumn('created_at', 'timestamptz', (column) => column.notNull().defaultTo(sql`now()`))
    .addColumn('expires_at', 'timestamptz', (column) => column.notNull())
    // Set when the token is exchanged for a new one; presenting it again after that is reuse.
    .addColumn('used_at', 'timestamptz')
    .addColumn('revoked_at', 'timestamptz')
    .addPrimaryKeyConstraint('refresh_tokens_pkey', ['tenant_id', 'id'])
    .addForeignKeyConstraint('refresh_tokens_user_fkey', ['tenant_id', 'user_id'], 'users', ['tenant_id', 'id'], (constraint) => constraint.onDelete('cascade'))
    .execute();
  await sql`create unique index refresh_tokens_hash_key on refresh_tokens (tenant_id, token_hash)`.execute(db);
  await sql`create index refresh_tokens_family_idx on refresh_tokens (tenant_id, family_id)`.execute(db);
  await enableTenantIsolation(db, 'refresh_tokens');
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('refresh_tokens').execute();
  await db.schema.alterTable('users').dropColumn('password_hash').execute();
}

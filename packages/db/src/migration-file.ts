/** One committed migration: `prisma/migrations/<dialect>/<NNNN>_<name>.sql`. */
export interface MigrationFile {
  version: number;
  name: string;
  sql: string;
}

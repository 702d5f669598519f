/* table.h - result tables: every command's output is a table of columns
 * and rows, rendered for a human (aligned columns, or one "key value" line
 * per field for a single record), as CSV (RFC 4180) or as JSON (an array
 * of objects; numeric columns as numbers, empty cells as null).
 *
 * Cells are strings (copied); a column marked numeric is right-aligned and
 * written to JSON as a number. A cell is the value for programs (CSV, JSON:
 * full precision, no display sign); a cell may also carry the text a human
 * sees (table, Markdown: rounded, signed, "fp32"), and a column a header of
 * its own for humans (e.g. "dense" over dense_value). A table marked record
 * holds one record per row: with one row, JSON gives the object itself,
 * not an array of one. */
#ifndef DM_TABLE_H
#define DM_TABLE_H

#include <stdio.h>

/* The order is the format setting's choices. */
typedef enum dm_format { DM_FMT_TABLE = 0, DM_FMT_CSV, DM_FMT_JSON, DM_FMT_JSONL, DM_FMT_MD } dm_format;
int dm_format_parse(const char *s, dm_format *out); /* "table", "csv", "json", "jsonl", "md" */
const char *dm_format_name(dm_format f);

typedef struct dm_table {
    char *title;           /* may be NULL; printed above a human table */
    int ncol, nrow, cap;
    char **cols;           /* column names */
    unsigned char *numeric;
    char **cells;          /* nrow x ncol, NULL = empty / JSON null */
    char **shown;          /* nrow x ncol (NULL until used): the human text of a cell, NULL = the cell */
    char **heads;          /* ncol (NULL until used): a column's human header, NULL = its name */
    int vertical;          /* human rendering: one "key  value" line per column (single records) */
    int record;            /* rows are records: JSON of one row is an object (dm_table_print) */
} dm_table;

void dm_table_init(dm_table *t, const char *title);
void dm_table_free(dm_table *t);
/* numeric of a column whose cells are 0 or 1: a JSON boolean (right-aligned, 0/1 in CSV and tables) */
#define DM_COL_BOOL 2
/* Add a column (numeric: right-aligned, JSON number; DM_COL_BOOL). Returns its index. */
int dm_table_col(dm_table *t, const char *name, int numeric);
/* Start a new row; returns its index. */
int dm_table_row(dm_table *t);
/* Set a cell of the last row (NULL = empty). */
void dm_table_set(dm_table *t, int col, const char *val);
void dm_table_setf(dm_table *t, int col, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
/* Set a cell of the last row: val for programs, shown for humans. */
void dm_table_set2(dm_table *t, int col, const char *val, const char *shown);
/* A number at full precision for programs, with prec digits after the
 * point for humans (a negative prec: -prec digits and a sign; NaN: empty). */
void dm_table_setnum(dm_table *t, int col, double v, int prec);
/* The human header of column col (the name stays for CSV and JSON). */
void dm_table_head(dm_table *t, int col, const char *head);
const char *dm_table_get(const dm_table *t, int row, int col);
int dm_table_find_col(const dm_table *t, const char *name); /* -1 if absent */
/* Mark as numeric every column whose non-empty cells all parse as numbers. */
void dm_table_guess_numeric(dm_table *t);

/* One CSV line: the header (row -1) or a row, quoted as dm_table_print
 * quotes it; flushed (for rows printed as they are made). */
void dm_table_csv_row(const dm_table *t, int row, FILE *out);

/* Row r as a JSON object (numeric columns as numbers, empty cells null). */
typedef struct json_t json_t;
json_t *dm_table_row_json(const dm_table *t, int r);
/* One cell's JSON: a number when numeric and it parses as one, a string
 * otherwise; NULL or "" is null. */
json_t *dm_json_cell(const char *s, int numeric);
/* A JSON value in format f: json (indented), jsonl (compact; an array gives
 * one line per element). */
void dm_json_print(json_t *j, dm_format f, FILE *out);

/* Render. width: terminal columns for the human form (0 = unlimited). */
void dm_table_print(const dm_table *t, dm_format f, FILE *out, int width);

#endif

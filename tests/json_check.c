/* json_check.c - checks a command's JSON output with jansson (used by
 * tests/test_formats.sh; not a test by itself).
 *
 *   json_check FILE [KEY ...]        FILE holds exactly one JSON document
 *                                    (an object, or an array of objects);
 *                                    each object has every KEY
 *   json_check --lines FILE [KEY ...] every line is one JSON object with every KEY
 *
 * A KEY=TYPE (number, integer, string, null, bool, object, array) also
 * checks the value's type; KEY=number accepts null (a figure not measured).
 * Exit 0 when all holds, 1 with a message on stderr otherwise. */
#define _POSIX_C_SOURCE 200809L
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int check_obj(const char *where, json_t *o, int nkeys, char **keys)
{
    if (!json_is_object(o)) {
        fprintf(stderr, "%s: not a JSON object\n", where);
        return 1;
    }
    for (int i = 0; i < nkeys; i++) {
        char name[256];
        snprintf(name, sizeof name, "%s", keys[i]);
        char *type = strchr(name, '=');
        if (type)
            *type++ = '\0';
        json_t *v = json_object_get(o, name);
        if (!v) {
            fprintf(stderr, "%s: no key '%s'\n", where, name);
            return 1;
        }
        if (!type)
            continue;
        int ok = strcmp(type, "number") == 0    ? json_is_number(v) || json_is_null(v)
                 : strcmp(type, "integer") == 0 ? json_is_integer(v)
                 : strcmp(type, "string") == 0  ? json_is_string(v)
                 : strcmp(type, "null") == 0    ? json_is_null(v)
                 : strcmp(type, "bool") == 0    ? json_is_boolean(v)
                 : strcmp(type, "object") == 0  ? json_is_object(v)
                 : strcmp(type, "array") == 0   ? json_is_array(v)
                                                : -1;
        if (ok < 0) {
            fprintf(stderr, "json_check: unknown type '%s'\n", type);
            return 2;
        }
        if (!ok) {
            fprintf(stderr, "%s: key '%s' is not of type %s\n", where, name, type);
            return 1;
        }
    }
    return 0;
}

static int check_doc(const char *where, json_t *j, int nkeys, char **keys)
{
    if (json_is_array(j)) {
        if (json_array_size(j) == 0) {
            fprintf(stderr, "%s: an empty array\n", where);
            return 1;
        }
        size_t i;
        json_t *v;
        json_array_foreach(j, i, v)
        {
            char w[300];
            snprintf(w, sizeof w, "%s[%zu]", where, i);
            if (check_obj(w, v, nkeys, keys))
                return 1;
        }
        return 0;
    }
    return check_obj(where, j, nkeys, keys);
}

int main(int argc, char **argv)
{
    int lines = argc > 1 && strcmp(argv[1], "--lines") == 0;
    if (argc < 2 + lines) {
        fprintf(stderr, "usage: json_check [--lines] FILE [KEY[=TYPE] ...]\n");
        return 2;
    }
    const char *path = argv[1 + lines];
    int nkeys = argc - 2 - lines;
    char **keys = argv + 2 + lines;
    json_error_t je;
    if (!lines) {
        /* jansson refuses trailing data: two concatenated documents fail here */
        json_t *j = json_load_file(path, 0, &je);
        if (!j) {
            fprintf(stderr, "%s:%d:%d: not one JSON document: %s\n", path, je.line, je.column, je.text);
            return 1;
        }
        int rc = check_doc(path, j, nkeys, keys);
        json_decref(j);
        return rc;
    }
    FILE *f = fopen(path, "r");
    if (!f) {
        perror(path);
        return 1;
    }
    char *line = NULL;
    size_t cap = 0;
    long n = 0;
    int rc = 0;
    while (getline(&line, &cap, f) > 0 && rc == 0) {
        n++;
        char where[300];
        snprintf(where, sizeof where, "%s:%ld", path, n);
        json_t *j = json_loads(line, 0, &je);
        if (!j) {
            fprintf(stderr, "%s: not a JSON value: %s\n", where, je.text);
            rc = 1;
            break;
        }
        rc = check_obj(where, j, nkeys, keys);
        json_decref(j);
    }
    free(line);
    fclose(f);
    if (rc == 0 && n == 0) {
        fprintf(stderr, "%s: no lines\n", path);
        rc = 1;
    }
    return rc;
}

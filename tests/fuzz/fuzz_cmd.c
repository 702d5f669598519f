/* fuzz_cmd.c - libFuzzer target: the command language's statement splitter,
 * word splitter, command lookup and setting parser (dm_cmd_check parses a
 * line exactly as dm_cmd_exec does, without executing), and the output
 * escaping. */
#include "cmd.h"
#include "fuzz_util.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size > (1 << 16))
        return 0;
    char *line = fuzz_str(data, size);
    dm_err err;
    (void)dm_cmd_check(line, &err);
    if (strlen(err.msg) >= sizeof err.msg)
        abort();
    char out[256];
    dm_escape(line, size, out, sizeof out);
    for (const char *q = out; *q; q++)
        if ((unsigned char)*q < 0x20 || *q == 0x7f)
            abort(); /* escaped output holds no control character */
    /* a setting name and value split at the first '=' */
    char *eq = strchr(line, '=');
    if (eq) {
        *eq = '\0';
        dm_settings s;
        dm_settings_default(&s);
        (void)dm_settings_set(&s, line, eq + 1, &err);
    }
    free(line);
    return 0;
}

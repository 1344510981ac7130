/*
 * test_regressions.c - every input the fuzzers ever crashed on
 * (tests/fuzz/regressions, named after the bug) and the seed corpora,
 * through the decoder and the coder: no crash, spans inside the text.
 * Run under ASan/UBSan by scripts/test.sh.
 */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "testutil.h"

static char *slurp(const char *path, size_t *n)
{
    FILE *fp = fopen(path, "rb");
    ck_assert_msg(fp != NULL, "cannot open %s", path);
    fseek(fp, 0, SEEK_END);
    long len = ftell(fp);
    fseek(fp, 0, SEEK_SET);
    char *b = malloc((size_t)len + 1);
    ck_assert_int_eq((int)fread(b, 1, (size_t)len, fp), (int)len);
    fclose(fp);
    b[len] = '\0';
    *n = (size_t)len;
    return b;
}

/* As fuzz_coder: two bytes of date, then the text. */
static void code_input(const char *data, size_t size)
{
    if (size < 2) return;
    ne_article_t a;
    memset(&a, 0, sizeof(a));
    a.id = "regression";
    a.text = (char *)data + 2;
    a.text_len = size - 2;
    unsigned d = (unsigned)(unsigned char)data[0] << 8 | (unsigned char)data[1];
    a.published_ymd = d % 7 == 0 ? 0 : (1990 + d % 46) * 10000 + (1 + d % 12) * 100 + 1 + d % 28;
    ne_events_t *ev = ne_events_new();
    char err[256];
    ck_assert_int_eq(ne_coder_code(tu_coder(), &a, ev, err, sizeof(err)), 0);
    for (size_t i = 0; i < ne_events_count(ev); i++) {
        const ne_event_t *e = ne_events_get(ev, i);
        ck_assert_uint_le(e->sentence_end, a.text_len);
        ck_assert_uint_le(e->trigger_end, a.text_len);
        char *js = ne_event_to_json(e, &a, NULL);
        ck_assert_ptr_nonnull(js);
        free(js);
    }
    ne_events_destroy(ev);
}

static void decode_input(const char *data, size_t size)
{
    ne_article_t a;
    char err[256];
    ne_limits_t lim = {1 << 20, NULL, 0};
    if (ne_article_decode(data, size, &lim, &a, err, sizeof(err)) == NE_OK) {
        ck_assert_uint_eq(strlen(a.text), a.text_len);
        ne_article_clear(&a);
    }
}

/* Feed each file of dir to fn (by its name and contents); returns how many. */
static int each_file(const char *dir, void (*fn)(const char *name, const char *data, size_t size))
{
    DIR *dp = opendir(dir);
    ck_assert_msg(dp != NULL, "no folder %s", dir);
    struct dirent *de;
    int n = 0;
    while ((de = readdir(dp))) {
        if (de->d_name[0] == '.') continue;
        char path[1024];
        snprintf(path, sizeof(path), "%s/%s", dir, de->d_name);
        size_t len;
        char *b = slurp(path, &len);
        fn(de->d_name, b, len);
        free(b);
        n++;
    }
    closedir(dp);
    return n;
}

static void code_file(const char *name, const char *data, size_t size)
{
    (void)name;
    code_input(data, size);
}

static void decode_file(const char *name, const char *data, size_t size)
{
    (void)name;
    decode_input(data, size);
}

/* Crashes found by fuzzing: coder inputs start with "coder-", decoder inputs with "decode-". */
static void regression_file(const char *name, const char *data, size_t size)
{
    if (!strncmp(name, "coder-", 6)) code_input(data, size);
    else decode_input(data, size);
}

START_TEST(fuzz_regressions)
{
    ck_assert_int_ge(each_file(NE_TEST_FUZZ "/regressions", regression_file), 1);
}
END_TEST

START_TEST(seed_corpora)
{
    ck_assert_int_gt(each_file(NE_TEST_FUZZ "/corpus/decode", decode_file), 10);
    ck_assert_int_gt(each_file(NE_TEST_FUZZ "/corpus/coder", code_file), 10);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("regressions");
    TCase *core = tcase_create("limits");
    tcase_add_test(core, fuzz_regressions);
    tcase_add_test(core, seed_corpora);
    tcase_set_timeout(core, 120);
    suite_add_tcase(s, core);
    return tu_run(s);
}

/*
 * fuzz_decode - libFuzzer target for the article decoder: any bytes must
 * give NE_OK or a reason with a message, never a crash or a leak, and a
 * decoded article must hold valid, NUL-terminated strings.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "newsevents.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    ne_article_t a;
    char err[256];
    ne_limits_t lim = {1 << 20, NULL, 0};
    ne_reason_t r = ne_article_decode((const char *)data, size, &lim, &a, err, sizeof(err));
    if (r == NE_OK) {
        if (!a.text || strlen(a.text) != a.text_len) abort();
        ne_article_clear(&a);
    } else if (!err[0] || !ne_reason_name(r)[0]) {
        abort();
    }
    return 0;
}

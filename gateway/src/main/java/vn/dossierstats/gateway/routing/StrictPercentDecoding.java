package vn.dossierstats.gateway.routing;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Percent-decoding as strict UTF-8, the one decoder of the request target (path segments and query parameters alike).
 * A lenient decoder would let overlong forms such as {@code %C0%AE}, surrogates such as {@code %ED%A0%80} or
 * {@code %FF} through as replacement characters, or as whatever the next reader makes of them: the services' Tomcat
 * refuses them, with its own HTML error page in a path and with an exception when a parameter is read.
 */
final class StrictPercentDecoding {

    private StrictPercentDecoding() {}

    /**
     * The text percent-decoded as strict UTF-8, or null when an escape is malformed or truncated ({@code %ZZ},
     * {@code %E}, a lone {@code %}) or the bytes are not UTF-8. {@code +} is left as it is: whether it means a space
     * does not change whether the text is UTF-8.
     */
    static String decode(String text) {
        if (isPlainAscii(text)) {
            return text;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(text.length());
        for (int i = 0; i < text.length(); i++) {
            int c = text.codePointAt(i);
            if (c != '%') {
                bytes.writeBytes(Character.toString(c).getBytes(StandardCharsets.UTF_8));
                i += Character.charCount(c) - 1;
                continue;
            }
            if (i + 2 >= text.length()) {
                return null;
            }
            int high = Character.digit(text.charAt(i + 1), 16);
            int low = Character.digit(text.charAt(i + 2), 16);
            if (high < 0 || low < 0) {
                return null;
            }
            bytes.write(high * 16 + low);
            i += 2;
        }
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes.toByteArray()))
                    .toString();
        } catch (CharacterCodingException notUtf8) {
            return null;
        }
    }

    /** ASCII without escapes decodes to itself: nearly every request target is, and pays only this scan. */
    static boolean isPlainAscii(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '%' || c >= 0x80) {
                return false;
            }
        }
        return true;
    }
}

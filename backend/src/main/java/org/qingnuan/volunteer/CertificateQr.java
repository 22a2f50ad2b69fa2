package org.qingnuan.volunteer;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Map;

/**
 * The QR code of a certificate's public verification URL, drawn with ZXing's encoder into a plain
 * black-on-white image (ZXing's own image writer lives in its {@code javase} artifact; this is the few
 * lines of it we need). Level M survives a creased or smudged printout; the quiet zone is kept.
 */
final class CertificateQr {

    private static final int BLACK = 0xFF000000;
    private static final int WHITE = 0xFFFFFFFF;

    private CertificateQr() {
    }

    static BufferedImage image(String text, int sizePx) {
        BitMatrix matrix;
        try {
            matrix = new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, sizePx, sizePx,
                    Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 2,
                            EncodeHintType.CHARACTER_SET, "UTF-8"));
        } catch (WriterException tooLong) {
            throw new IllegalArgumentException("Cannot encode a QR code of " + text.length() + " characters", tooLong);
        }
        BufferedImage image = new BufferedImage(matrix.getWidth(), matrix.getHeight(), BufferedImage.TYPE_BYTE_BINARY);
        for (int y = 0; y < matrix.getHeight(); y++) {
            for (int x = 0; x < matrix.getWidth(); x++) {
                image.setRGB(x, y, matrix.get(x, y) ? BLACK : WHITE);
            }
        }
        return image;
    }

    static byte[] png(String text, int sizePx) {
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            ImageIO.write(image(text, sizePx), "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException("Could not write the QR code", e);
        }
    }
}

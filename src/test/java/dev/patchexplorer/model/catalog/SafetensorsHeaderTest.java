package dev.patchexplorer.model.catalog;

import dev.patchexplorer.testing.TestAssets;
import dev.patchexplorer.testing.TinyCheckpoints;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SafetensorsHeaderTest {
    @TempDir
    Path dir;

    @Test
    void readsTheRealViTTinyHeader() throws IOException {
        Path file = TestAssets.model(TestCatalogEntries.VIT_TINY).resolve(RemoteFile.WEIGHTS);

        SafetensorsHeader header = SafetensorsHeader.read(file);

        assertEquals(Files.size(file), header.expectedFileSize());
        assertEquals(152, header.tensors().size());
        assertEquals("pt", header.metadata().get("format"));
        TensorInfo pos = header.tensors().get("pos_embed");
        assertEquals(List.of(1L, 197L, 192L), pos.shape());
        assertEquals("F32", pos.dtype());
        assertEquals(197 * 192 * 4, pos.byteLength());
    }

    @Test
    void aTruncatedCopyOfAWholeFileNamesBothSizes() throws IOException {
        Path whole = TinyCheckpoints.vit(dir.resolve("whole")).resolve(RemoteFile.WEIGHTS);
        long size = Files.size(whole);
        Path cut = dir.resolve(RemoteFile.WEIGHTS);
        try (InputStream in = Files.newInputStream(whole)) {
            Files.write(cut, in.readNBytes((int) (size / 2)));
        }

        ModelFileException e = assertThrows(ModelFileException.class, () -> SafetensorsHeader.read(cut));

        assertEquals("The file is truncated: " + size / 2 + " of " + size + " bytes.", e.getMessage());
    }

    @Test
    void aFileCutInsideTheHeaderIsTruncatedToo() throws IOException {
        Path file = write("{\"a\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0,4]}}", 4);
        byte[] all = Files.readAllBytes(file);
        Files.write(file, java.util.Arrays.copyOf(all, 20));

        ModelFileException e = assertThrows(ModelFileException.class, () -> SafetensorsHeader.read(file));

        assertTrue(e.getMessage().startsWith("The file is truncated: 20 bytes, but its header alone needs"), e.getMessage());
    }

    @Test
    void anHtmlPageIsRecognised() throws IOException {
        Path file = dir.resolve(RemoteFile.WEIGHTS);
        Files.writeString(file, "  <!DOCTYPE html><html><body>Not found</body></html>");

        ModelFileException e = assertThrows(ModelFileException.class, () -> SafetensorsHeader.read(file));

        assertEquals("model.safetensors is an HTML page, not a safetensors file.", e.getMessage());
    }

    @Test
    void anAbsurdHeaderLengthIsRejected() throws IOException {
        Path file = dir.resolve("x.safetensors");
        Files.write(file, new byte[] {(byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff, 0, 0, 0, 0, '{', '}'});

        ModelFileException e = assertThrows(ModelFileException.class, () -> SafetensorsHeader.read(file));

        assertTrue(e.getMessage().contains("does not start with a valid safetensors header"), e.getMessage());
    }

    @Test
    void offsetsThatDisagreeWithTheShapeAreRejected() throws IOException {
        Path file = write("{\"w\":{\"dtype\":\"F32\",\"shape\":[2,3],\"data_offsets\":[0,12]}}", 12);

        ModelFileException e = assertThrows(ModelFileException.class, () -> SafetensorsHeader.read(file));

        assertTrue(e.getMessage().contains("needs 24 bytes but data_offsets span 12"), e.getMessage());
    }

    @Test
    void holesBetweenTensorsAreRejected() throws IOException {
        Path file = write("{\"a\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0,4]},"
                + "\"b\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[8,12]}}", 12);

        ModelFileException e = assertThrows(ModelFileException.class, () -> SafetensorsHeader.read(file));

        assertTrue(e.getMessage().contains("has gaps or overlaps"), e.getMessage());
    }

    @Test
    void bytesAfterTheLastTensorAreRejected() throws IOException {
        Path file = write("{\"a\":{\"dtype\":\"I64\",\"shape\":[1],\"data_offsets\":[0,8]}}", 10);

        ModelFileException e = assertThrows(ModelFileException.class, () -> SafetensorsHeader.read(file));

        assertEquals("t.safetensors has 2 unexpected extra bytes after the last tensor.", e.getMessage());
    }

    @Test
    void aHeaderThatIsNotJsonIsRejected() throws IOException {
        Path file = write("{\"a\": [", 0);

        ModelFileException e = assertThrows(ModelFileException.class, () -> SafetensorsHeader.read(file));

        assertTrue(e.getMessage().startsWith("The safetensors header of t.safetensors is not valid JSON"), e.getMessage());
    }

    @Test
    void expectedTensorsMustBePresentWithTheirExactShapes() throws IOException {
        Path file = write("{\"__metadata__\":{\"format\":\"pt\"},"
                + "\"head.weight\":{\"dtype\":\"F16\",\"shape\":[10,4],\"data_offsets\":[0,80]}}", 80);
        SafetensorsHeader header = SafetensorsHeader.read(file);

        header.requireTensors("t.safetensors", List.of(new ExpectedTensor("head.weight", List.of(10L, 4L))));
        ModelFileException wrongShape = assertThrows(ModelFileException.class, () -> header.requireTensors(
                "t.safetensors", List.of(new ExpectedTensor("head.weight", List.of(1000L, 4L)))));
        ModelFileException missing = assertThrows(ModelFileException.class, () -> header.requireTensors(
                "t.safetensors", List.of(new ExpectedTensor("cls_token", List.of(1L, 1L, 4L)))));

        assertEquals("Tensor \"head.weight\" in t.safetensors has shape [10, 4], but [1000, 4] was expected; "
                + "it is not the expected checkpoint.", wrongShape.getMessage());
        assertEquals("t.safetensors has no tensor named \"cls_token\"; it is not the expected checkpoint.",
                missing.getMessage());
    }

    /** A safetensors file with this header (space-padded to 8 bytes, as writers do) and zeroed data. */
    private Path write(String headerJson, int dataBytes) throws IOException {
        byte[] json = headerJson.getBytes(StandardCharsets.UTF_8);
        int padded = (json.length + 7) / 8 * 8;
        ByteBuffer b = ByteBuffer.allocate(8 + padded + dataBytes).order(ByteOrder.LITTLE_ENDIAN);
        b.putLong(padded).put(json);
        for (int i = json.length; i < padded; i++) b.put((byte) ' ');
        Path file = dir.resolve("t.safetensors");
        Files.write(file, b.array());
        return file;
    }
}

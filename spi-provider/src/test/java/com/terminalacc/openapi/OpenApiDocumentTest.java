package com.terminalacc.openapi;

import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * S-APP-2: the OpenAPI document the extension serves ({@code META-INF/terminal-acc/openapi.json}, committed) is the one
 * the code generates. After changing an API: {@code ./mvnw test -pl spi-provider -Dtest=OpenApiDocumentTest
 * -Dterminal.openapi.write=true}, then review and commit the document.
 */
class OpenApiDocumentTest {

    static final Path COMMITTED = Path.of("src/main/resources/META-INF/terminal-acc/openapi.json");

    @Test
    void theCommittedDocumentIsTheOneTheCodeGenerates() throws Exception {
        String generated = OpenApiDocument.generate();
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target/openapi.json"), generated);
        if (Boolean.getBoolean("terminal.openapi.write")) {
            Files.createDirectories(COMMITTED.getParent());
            Files.writeString(COMMITTED, generated);
        }
        assertTrue(Files.exists(COMMITTED), "no committed document: run with -Dterminal.openapi.write=true");
        assertEquals(Files.readString(COMMITTED), generated, "The APIs changed but the OpenAPI document did not: "
                + "run ./mvnw test -pl spi-provider -Dtest=OpenApiDocumentTest -Dterminal.openapi.write=true and commit it");
    }

    @Test
    void anOpenApi31DocumentOfTheThreeApis() throws Exception {
        JsonNode doc = new ObjectMapper().readTree(OpenApiDocument.generate());
        assertTrue(doc.get("openapi").asText().startsWith("3.1."), doc.get("openapi").asText());
        JsonNode paths = doc.get("paths");
        for (String path : new String[] {"/realms/{realm}/acc/api/contacts", "/realms/{realm}/acc/app/check",
                "/realms/{realm}/acc/app/access/v1/evaluations", "/admin/realms/{realm}/acc/accounts"}) {
            assertTrue(paths.has(path), path);
        }
        assertTrue(doc.at("/components/schemas/Error/required").toString().contains("code"));
    }
}

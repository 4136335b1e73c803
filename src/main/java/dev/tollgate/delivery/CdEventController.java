package dev.tollgate.delivery;

import java.util.List;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
class CdEventController {

    private static final List<MediaType> MODES = List.of(CloudEventReader.STRUCTURED, CloudEventReader.BATCH,
            MediaType.APPLICATION_JSON);

    private final CdEventIngestion ingestion;

    CdEventController(CdEventIngestion ingestion) {
        this.ingestion = ingestion;
    }

    /**
     * Structured, batched and binary mode; binary mode sends the CDEvent as application/json with
     * ce-* headers. Every media type reaches this method so that another one answers 415 here,
     * rather than falling through to the unknown-path answer.
     */
    @PostMapping(path = "/api/v1/cdevents", consumes = MediaType.ALL_VALUE)
    @ResponseStatus(HttpStatus.ACCEPTED)
    CdEventsReceipt receive(@RequestBody(required = false) byte[] body, @RequestHeader HttpHeaders headers)
            throws HttpMediaTypeNotSupportedException {
        MediaType contentType = headers.getContentType();
        if (contentType == null || MODES.stream().noneMatch(mode -> mode.includes(contentType))) {
            throw new HttpMediaTypeNotSupportedException(contentType, MODES);
        }
        return ingestion.receive(contentType, headers, body);
    }
}

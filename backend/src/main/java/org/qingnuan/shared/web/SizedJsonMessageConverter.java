package org.qingnuan.shared.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpOutputMessage;
import org.springframework.http.converter.json.MappingJackson2HttpMessageConverter;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.reflect.Type;

/**
 * Spring MVC's JSON converter, sending each body with its {@code Content-Length}. Spring's own streams the JSON and
 * flushes it, so Tomcat has to commit the response before it knows the length and sends it chunked: the headers and
 * body in one write, then a second write (and a second TCP segment to the phone or the proxy) for the closing empty
 * chunk — on every API answer. Written to a buffer first, the body goes out with its length in one write (issue 19).
 * Boot's converters take this one in the place of theirs (same type), with Boot's {@link ObjectMapper}.
 */
public class SizedJsonMessageConverter extends MappingJackson2HttpMessageConverter {

    public SizedJsonMessageConverter(ObjectMapper objectMapper) {
        super(objectMapper);
    }

    @Override
    protected void writeInternal(Object object, Type type, HttpOutputMessage outputMessage) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream(512);
        super.writeInternal(object, type, new HttpOutputMessage() {
            @Override
            public OutputStream getBody() {
                return body;
            }

            @Override
            public HttpHeaders getHeaders() {
                return outputMessage.getHeaders();
            }
        });
        // before getBody(): the servlet response's headers are written when its body is first asked for
        outputMessage.getHeaders().setContentLength(body.size());
        body.writeTo(outputMessage.getBody());
    }

    @Configuration(proxyBeanMethods = false)
    static class Registration {

        @Bean
        MappingJackson2HttpMessageConverter mappingJackson2HttpMessageConverter(ObjectMapper objectMapper) {
            return new SizedJsonMessageConverter(objectMapper);
        }
    }
}

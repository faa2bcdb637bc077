package dev.vocloop.survey;

import dev.vocloop.testing.PostgresResource;
import dev.vocloop.testing.SmtpResource;
import dev.vocloop.testing.ServiceConventionsContract;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(SmtpResource.class)
class PlatformConventionsTest extends ServiceConventionsContract {
}

package dev.vocloop.ticket;

import dev.vocloop.testing.PostgresResource;
import dev.vocloop.testing.ServiceConventionsContract;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
class PlatformConventionsTest extends ServiceConventionsContract {
}

// Every renderer test file: findBy… and waitFor wait up to 5 s, not Testing Library's 1 s. The suite runs
// beside the Chromium e2e project and native builds on two cores; under that load a screen that renders
// correctly can take longer than 1 s to settle, and a test should fail for a wrong screen, not a busy machine.
import { configure } from '@testing-library/react';

configure({ asyncUtilTimeout: 5_000 });

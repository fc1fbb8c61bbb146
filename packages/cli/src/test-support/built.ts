// Every test of this package runs the real built bin, not the sources (jest setupFilesAfterEnv).
import { assertBuilt } from './cli';

beforeAll(assertBuilt);
